package dev.nexios.spring.apikey;

/**
 * A newly issued API key: the only time the plain key is available. Hand it to its owner and forget
 * it; only its SHA-256 digest is stored. {@link #toString()} leaves the key out.
 *
 * @param key the plain key, a secret
 * @param info what is stored about the key
 */
public record IssuedApiKey(String key, ApiKeyInfo info) {

	@Override
	public String toString() {
		return "IssuedApiKey[key=***, info=" + this.info + "]";
	}

}
