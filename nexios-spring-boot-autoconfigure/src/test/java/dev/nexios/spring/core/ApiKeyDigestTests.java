package dev.nexios.spring.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SHA-256 digest of API keys, made with copies of one digest instead of a provider lookup per key: it
 * is SHA-256, and threads digesting at the same time do not mix their keys.
 */
class ApiKeyDigestTests {

	@Test
	void digestIsSha256() {
		// FIPS 180-2, appendix B.1: "abc"
		assertThat(HexFormat.of().formatHex(ApiKeySchemeAuthenticator.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(HexFormat.of().formatHex(ApiKeySchemeAuthenticator.sha256(new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void concurrentDigestsAreEachTheirKeys() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> tasks = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				tasks.add(() -> {
					MessageDigest reference = MessageDigest.getInstance("SHA-256");
					int checked = 0;
					for (int i = 0; i < 20_000; i++) {
						byte[] key = ("key-" + thread + "-" + i + "-" + "x".repeat(i % 97)).getBytes(StandardCharsets.US_ASCII);
						assertThat(ApiKeySchemeAuthenticator.sha256(key)).isEqualTo(reference.digest(key));
						checked++;
					}
					return checked;
				});
			}
			for (Future<Integer> done : threads.invokeAll(tasks)) {
				assertThat(done.get()).isEqualTo(20_000);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
