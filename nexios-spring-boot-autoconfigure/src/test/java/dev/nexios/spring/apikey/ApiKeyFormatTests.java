package dev.nexios.spring.apikey;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeyFormatTests {

	private final ApiKeyFormat format = new ApiKeyFormat("nx_live_");

	private final SecureRandom random = new SecureRandom();

	@Test
	void aGeneratedKeyIsPrefixRandomPartAndChecksum() {
		String key = this.format.generate(this.random);
		assertThat(key).startsWith("nx_live_").hasSize(8 + 30 + 6).matches("nx_live_[0-9A-Za-z]{36}");
		assertThat(this.format.isWellFormed(key)).isTrue();
	}

	@Test
	void generatedKeysDiffer() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			keys.add(this.format.generate(this.random).substring(8, 38));
		}
		assertThat(keys).hasSize(1000);
	}

	@Test
	void everySingleCharacterChangeIsCaughtByTheChecksum() {
		String key = this.format.generate(this.random);
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		for (int i = 8; i < key.length(); i++) {
			for (char c : alphabet.toCharArray()) {
				if (c != key.charAt(i)) {
					String changed = key.substring(0, i) + c + key.substring(i + 1);
					assertThat(this.format.isWellFormed(changed)).as("position %d", i).isFalse();
				}
			}
		}
	}

	@Test
	void keysOfAnotherShapeAreMalformed() {
		String key = this.format.generate(this.random);
		assertThat(this.format.isWellFormed(null)).isFalse();
		assertThat(this.format.isWellFormed("")).isFalse();
		assertThat(this.format.isWellFormed(key.substring(1))).isFalse();
		assertThat(this.format.isWellFormed(key + "A")).isFalse();
		assertThat(this.format.isWellFormed("nx_test_" + key.substring(8))).isFalse();
		assertThat(new ApiKeyFormat("nx_test_").isWellFormed(key)).isFalse();
		assertThat(this.format.isWellFormed(key.substring(0, 20) + "-" + key.substring(21))).isFalse();
	}

	@Test
	void aPrefixIsShortAndPlain() {
		assertThat(new ApiKeyFormat("a").prefix()).isEqualTo("a");
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyFormat(""));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyFormat("_nx"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyFormat("nx live"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyFormat("x".repeat(33)));
	}

}
