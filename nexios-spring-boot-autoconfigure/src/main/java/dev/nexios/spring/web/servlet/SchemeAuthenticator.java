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
	 * Reads and verifies this scheme's credential. Never throws for bad input: a malformed credential
	 * is {@link SchemeOutcome.Status#INVALID}.
	 * @param request the request
	 * @return the outcome
	 */
	SchemeOutcome authenticate(HttpServletRequest request);

	/**
	 * The {@code WWW-Authenticate} challenge (RFC 9110 §11.6.1) of this scheme.
	 * @param outcome the outcome of this scheme for the request
	 * @param insufficientScope the scopes that are required but were not granted, for a 403; empty for a
	 * 401
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
