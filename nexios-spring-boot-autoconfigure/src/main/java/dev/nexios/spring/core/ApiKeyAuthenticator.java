package dev.nexios.spring.core;

/**
 * Application SPI, as a bean, that checks API keys kept elsewhere than in configuration, e.g. in a
 * database (store a digest of each key, not the key). Consulted for {@code apiKey} schemes after the
 * keys of {@code nexios.security.schemes.<name>.keys}; beans are asked in
 * {@link org.springframework.core.Ordered} order and the first non-{@code null} answer wins.
 *
 * <p>Implementations receive the key as sent (printable US-ASCII, at most 1024 characters), must
 * compare it in constant time (e.g. {@link java.security.MessageDigest#isEqual} on digests) and must
 * never log it.
 */
@FunctionalInterface
public interface ApiKeyAuthenticator {

	/**
	 * Checks a key.
	 * @param scheme the name of the {@code apiKey} scheme the key was sent for
	 * @param key the key as sent
	 * @return the owner of the key, or {@code null} when this authenticator does not know it
	 */
	ApiKeyPrincipal authenticate(String scheme, String key);

}
