package dev.nexios.spring.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues, lists, revokes and rotates the API keys of the {@code apiKey} schemes whose keys are kept
 * in a store ({@code nexios.security.schemes.<name>.store}). A key is returned in clear only once, by
 * {@link #issue} or {@link #rotate}; the store keeps its SHA-256 digest.
 *
 * <p>Revocation takes effect at once on the instance that revokes, and on other instances of the
 * application within {@code nexios.security.api-key-store.cache-ttl} (30 seconds by default). Methods
 * throw Spring's {@code DataAccessException} when the store cannot be reached.
 */
public interface ApiKeyIssuer {

	/**
	 * The schemes whose keys this issuer stores.
	 * @return scheme names, as declared
	 */
	Set<String> schemes();

	/**
	 * Issues a new key.
	 * @param scheme a scheme of {@link #schemes()}
	 * @param principal the principal name the key authenticates: 1 to 200 characters, not blank
	 * @param scopes the scopes the key grants, each a scope-token of RFC 6749 §3.3 (printable ASCII
	 * without space, {@code "} and {@code \}); possibly empty
	 * @param expiresAt when the key stops being accepted, in the future; {@code null} for never
	 * @return the key, in clear, and what is stored about it
	 * @throws IllegalArgumentException when the scheme is not one of {@link #schemes()}, or an argument
	 * is not of the shape above
	 */
	IssuedApiKey issue(String scheme, String principal, Set<String> scopes, Instant expiresAt);

	/**
	 * The keys of a scheme, revoked and expired ones included, oldest first. Never the keys themselves
	 * nor their digests.
	 * @param scheme a scheme of {@link #schemes()}
	 * @return the keys
	 * @throws IllegalArgumentException when the scheme is not one of {@link #schemes()}
	 */
	List<ApiKeyInfo> list(String scheme);

	/**
	 * One key, by its identifier.
	 * @param id the identifier of {@link ApiKeyInfo#id()}
	 * @return the key, or empty when there is none with this identifier
	 */
	Optional<ApiKeyInfo> find(String id);

	/**
	 * Revokes a key: it is refused from now on (on other instances, within the cache TTL).
	 * @param id the identifier of {@link ApiKeyInfo#id()}
	 * @return {@code true} when the key was revoked by this call, {@code false} when there is no such
	 * key or it was already revoked
	 */
	boolean revoke(String id);

	/**
	 * Replaces a key with a new one for the same scheme, principal and scopes. The new key has the
	 * lifetime the old one was issued with (from now), or none. The old key stays valid for
	 * {@code overlap} (not beyond its own expiry), so that its users can switch; {@link Duration#ZERO}
	 * revokes it at once.
	 * @param id the identifier of the key to replace
	 * @param overlap how long the old key stays valid; zero or positive
	 * @return the new key, in clear
	 * @throws IllegalArgumentException when there is no active key with this identifier, or the
	 * overlap is negative
	 */
	IssuedApiKey rotate(String id, Duration overlap);

}
