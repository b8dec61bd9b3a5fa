package dev.nexios.spring.web.servlet;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Authenticates the credential of one security scheme in a request. One instance per declared scheme,
 * created once at startup by {@link SchemeAuthenticators}; instances are thread-safe.
 */
interface SchemeAuthenticator {

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
	 * Reads and verifies this scheme's credential. Never throws for bad input: a malformed credential
	 * is {@link SchemeOutcome.Status#INVALID}.
	 * @param request the request
	 * @return the outcome
	 */
	SchemeOutcome authenticate(HttpServletRequest request);

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
	 */
	static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
