package dev.nexios.spring.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * What one security scheme made of the credential of one request.
 *
 * @param status absent, invalid, unavailable or authenticated
 * @param authentication the verified authentication, only when {@link Status#AUTHENTICATED}
 * @param scopes the scopes the verified credential grants; empty unless authenticated
 * @param error for an invalid credential: the RFC 6750 §3.1 error code, e.g. {@code invalid_token}
 * @param errorDescription for an invalid credential, or a verifier that cannot be reached: a
 * human-readable reason that never contains the credential
 */
public record SchemeOutcome(Status status, Authentication authentication, Set<String> scopes, String error,
		String errorDescription) {

	/** No credential of the scheme was sent. */
	public static final SchemeOutcome ABSENT = new SchemeOutcome(Status.ABSENT, null, Set.of(), null, null);

	/**
	 * Copies the scopes.
	 */
	public SchemeOutcome {
		scopes = scopes.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
	}

	/**
	 * A credential that failed verification.
	 * @param error the RFC 6750 §3.1 error code
	 * @param errorDescription the reason, never containing the credential
	 * @return the outcome
	 */
	public static SchemeOutcome invalid(String error, String errorDescription) {
		return new SchemeOutcome(Status.INVALID, null, Set.of(), error, errorDescription);
	}

	/**
	 * A credential that could not be checked because its verifier (an identity provider's JWK set,
	 * discovery or introspection endpoint, an API key store) cannot be reached: the credential may well
	 * be valid, so the request is answered {@code 503}, never {@code 401}.
	 * @param errorDescription the reason, never containing the credential
	 * @return the outcome
	 */
	public static SchemeOutcome unavailable(String errorDescription) {
		return new SchemeOutcome(Status.UNAVAILABLE, null, Set.of(), null, errorDescription);
	}

	/**
	 * A verified credential.
	 * @param authentication the verified authentication
	 * @param scopes the scopes it grants
	 * @return the outcome
	 */
	public static SchemeOutcome authenticated(Authentication authentication, Set<String> scopes) {
		return new SchemeOutcome(Status.AUTHENTICATED, authentication, scopes, null, null);
	}

	/**
	 * @return whether the credential was verified
	 */
	public boolean isAuthenticated() {
		return this.status == Status.AUTHENTICATED;
	}

	/**
	 * @return whether no credential was sent
	 */
	public boolean isAbsent() {
		return this.status == Status.ABSENT;
	}

	/**
	 * What became of a scheme's credential.
	 */
	public enum Status {

		/** No credential of this scheme was sent. */
		ABSENT,

		/** A credential was sent and failed verification. */
		INVALID,

		/** A credential was sent and could not be verified: its verifier cannot be reached. */
		UNAVAILABLE,

		/** A credential was sent and verified. */
		AUTHENTICATED

	}

}
