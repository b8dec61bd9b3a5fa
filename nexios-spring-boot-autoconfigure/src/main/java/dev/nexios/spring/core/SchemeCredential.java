package dev.nexios.spring.core;

import org.springframework.security.core.Authentication;

/**
 * What a {@link SchemeAuthenticator} read from a request: an outcome known without verification
 * (no credential, a malformed one), or an unverified credential for the scheme's verifier.
 *
 * @param outcome the outcome, or {@code null} when there is a credential to verify
 * @param unverified the credential to verify (e.g. a {@code BearerTokenAuthenticationToken}), or
 * {@code null}
 */
public record SchemeCredential(SchemeOutcome outcome, Authentication unverified) {

	/**
	 * An outcome known without verification.
	 * @param outcome the outcome
	 * @return the credential
	 */
	public static SchemeCredential resolved(SchemeOutcome outcome) {
		return new SchemeCredential(outcome, null);
	}

	/**
	 * A credential to verify.
	 * @param unverified the unauthenticated token
	 * @return the credential
	 */
	public static SchemeCredential toVerify(Authentication unverified) {
		return new SchemeCredential(null, unverified);
	}

	/**
	 * @return whether the outcome is known without verification
	 */
	public boolean isResolved() {
		return this.outcome != null;
	}

}
