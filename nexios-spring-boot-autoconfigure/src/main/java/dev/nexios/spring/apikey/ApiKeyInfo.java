package dev.nexios.spring.apikey;

import java.time.Instant;
import java.util.Set;

/**
 * What may be shown about a stored API key: never the key, never its digest.
 *
 * @param id the key's identifier, a UUID string; not a secret (safe to log, to show, to put in a URL)
 * @param scheme the name of the {@code apiKey} scheme the key is valid for
 * @param principal the principal name the key authenticates
 * @param scopes the scopes the key grants
 * @param hint the key's prefix and its last 4 characters, e.g. {@code nx_live_...a1B2}, to tell keys
 * apart on screen
 * @param createdAt when the key was issued
 * @param expiresAt when the key stops being accepted; {@code null} for never
 * @param revokedAt when the key was revoked; {@code null} when it is not
 * @param lastUsedAt when the key was last accepted, recorded at most once per
 * {@code nexios.security.api-key-store.last-used-interval}; {@code null} when never used
 */
public record ApiKeyInfo(String id, String scheme, String principal, Set<String> scopes, String hint,
		Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	public ApiKeyInfo {
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
	}

	/**
	 * Whether the key is accepted at an instant: neither revoked nor expired.
	 * @param now the instant
	 * @return {@code true} when the key is accepted at {@code now}
	 */
	public boolean isActive(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

}
