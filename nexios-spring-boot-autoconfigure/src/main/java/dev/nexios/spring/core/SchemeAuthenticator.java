package dev.nexios.spring.core;

import java.util.Collection;

import org.springframework.security.core.Authentication;

/**
 * The stack-neutral part of one security scheme: reading its credential from a request, turning what
 * the verifier made of it into a {@link SchemeOutcome}, and its challenge. Verification itself is done
 * by Spring Security's machinery of each stack, built by a {@link SchemeVerifierFactory}: an
 * {@code AuthenticationProvider} on the servlet stack, a {@code ReactiveAuthenticationManager} on the
 * reactive one. One instance per declared scheme, created once at startup by
 * {@link SchemeAuthenticators}; instances are thread-safe.
 */
public interface SchemeAuthenticator {

	/**
	 * The name of the scheme, as declared.
	 * @return the scheme name
	 */
	String schemeName();

	/**
	 * Whether browsers send this scheme's credential on their own, also in requests that another site
	 * makes them send: HTTP Basic and API keys in a cookie.
	 * @return {@code true} for credentials that cross-site request forgery can use
	 */
	default boolean isSentByBrowser() {
		return false;
	}

	/**
	 * Reads this scheme's credential. Never throws for bad input: a malformed credential is an
	 * {@link SchemeOutcome.Status#INVALID} outcome.
	 * @param request the request
	 * @return the outcome when it is known without verification (absent, malformed), or the unverified
	 * credential to verify
	 */
	SchemeCredential read(NexiosRequest request);

	/**
	 * The outcome of a verified credential.
	 * @param authentication what the verifier returned; {@code null} or unauthenticated is invalid
	 * @return the outcome
	 */
	SchemeOutcome verified(Authentication authentication);

	/**
	 * The outcome of a verification that failed.
	 * @param ex what the verifier threw or signalled
	 * @return invalid for a refused credential, unavailable for a verifier that cannot be reached
	 * @throws RuntimeException {@code ex} when it is neither (a bug, answered {@code 500})
	 */
	SchemeOutcome failed(RuntimeException ex);

	/**
	 * The outcome of a credential that no verifier can check (no key material is configured).
	 * @return an invalid outcome
	 */
	SchemeOutcome unverifiable();

	/**
	 * The {@code WWW-Authenticate} challenge (RFC 9110 §11.6.1) of this scheme.
	 * @param outcome the outcome of this scheme for the request; an authenticated outcome is refused for
	 * lack of scopes (403, RFC 6750 §3.1 {@code insufficient_scope})
	 * @param insufficientScope the scopes that are required but were not granted, for a 403 (empty when
	 * they are not known, e.g. method security refused); empty for a 401
	 * @return the challenge
	 */
	String challenge(SchemeOutcome outcome, Collection<String> insufficientScope);

	/**
	 * Quotes a value for an auth-param (RFC 9110 §5.6.4).
	 * @param value the value
	 * @return the quoted string
	 */
	static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
