package dev.nexios.spring.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * A bearer-token scheme ({@code http bearer}, {@code oauth2}, {@code openIdConnect}): the token of the
 * {@code Authorization} header (RFC 6750 §2.1), verified by Spring Security's resource server (a JWT
 * decoder or an opaque-token introspector of the stack). Scopes are read from the verified {@code scope} or
 * {@code scp} claim.
 */
public final class BearerTokenSchemeAuthenticator implements SchemeAuthenticator {

	/** Longer headers are refused without parsing. */
	public static final int MAX_HEADER_LENGTH = 16 * 1024;

	private static final Log logger = LogFactory.getLog(BearerTokenSchemeAuthenticator.class);

	private final String schemeName;

	/**
	 * @param schemeName the scheme name
	 */
	BearerTokenSchemeAuthenticator(String schemeName) {
		this.schemeName = schemeName;
	}

	@Override
	public String schemeName() {
		return this.schemeName;
	}

	@Override
	public SchemeCredential read(NexiosRequest request) {
		String header = request.header(HttpHeaders.AUTHORIZATION);
		if (header != null && header.length() > MAX_HEADER_LENGTH) {
			return SchemeCredential.resolved((AuthorizationHeader.parse(header.substring(0, 64), "Bearer")
				.status() == AuthorizationHeader.Status.OTHER_SCHEME) ? SchemeOutcome.ABSENT
						: SchemeOutcome.invalid("invalid_token", "The access token is too long"));
		}
		AuthorizationHeader.Credentials credentials = AuthorizationHeader.parse(header, "Bearer");
		if (credentials.status() == AuthorizationHeader.Status.OTHER_SCHEME) {
			return SchemeCredential.resolved(SchemeOutcome.ABSENT);
		}
		if (credentials.status() == AuthorizationHeader.Status.MALFORMED) {
			return SchemeCredential.resolved(SchemeOutcome.invalid("invalid_token", "The access token is malformed"));
		}
		return SchemeCredential.toVerify(new BearerTokenAuthenticationToken(credentials.token68()));
	}

	@Override
	public SchemeOutcome verified(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return SchemeOutcome.invalid("invalid_token", "The access token is invalid");
		}
		return SchemeOutcome.authenticated(authentication, scopes(authentication));
	}

	@Override
	public SchemeOutcome unverifiable() {
		return SchemeOutcome.invalid("invalid_token", "The access token cannot be verified");
	}

	@Override
	public SchemeOutcome failed(RuntimeException ex) {
		if (ex instanceof AuthenticationServiceException) {
			// the verifier failed (JWK set, discovery or introspection endpoint unreachable), not the token
			logger.warn("Bearer token of scheme '" + this.schemeName + "' could not be verified, answering 503: "
					+ ex.getMessage());
			return SchemeOutcome.unavailable("The access token cannot be verified now; try again later");
		}
		if (ex instanceof AuthenticationException) {
			if (logger.isDebugEnabled()) {
				logger.debug("Bearer token of scheme '" + this.schemeName + "' refused: " + ex.getClass().getSimpleName()
						+ ": " + ex.getMessage());
			}
			return SchemeOutcome.invalid("invalid_token", "The access token is invalid, expired or not accepted");
		}
		// e.g. the issuer's discovery failed: the token may be valid
		logger.warn("Bearer token of scheme '" + this.schemeName + "' could not be verified, answering 503: "
				+ ex.getClass().getName() + ": " + ex.getMessage());
		return SchemeOutcome.unavailable("The access token cannot be verified now; try again later");
	}

	/**
	 * The scopes of a verified token: the {@code scope} claim (RFC 8693 §4.2, space-separated) or the
	 * {@code scp} claim (a string or a list).
	 */
	static Set<String> scopes(Authentication authentication) {
		if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
			return Set.of();
		}
		Map<String, Object> attributes = token.getTokenAttributes();
		Object claim = attributes.containsKey("scope") ? attributes.get("scope") : attributes.get("scp");
		Set<String> scopes = new LinkedHashSet<>();
		if (claim instanceof String string) {
			for (String scope : string.split(" ")) {
				if (!scope.isEmpty()) {
					scopes.add(scope);
				}
			}
		}
		else if (claim instanceof Collection<?> collection) {
			collection.forEach((scope) -> scopes.add(String.valueOf(scope)));
		}
		return scopes;
	}

	@Override
	public String challenge(SchemeOutcome outcome, Collection<String> insufficientScope) {
		if (!insufficientScope.isEmpty() || outcome.isAuthenticated()) {
			return "Bearer error=\"insufficient_scope\", error_description="
					+ SchemeAuthenticator.quoted("The request requires higher privileges than provided by the access token")
					+ (insufficientScope.isEmpty() ? ""
							: ", scope=" + SchemeAuthenticator.quoted(String.join(" ", insufficientScope)));
		}
		if (outcome.status() == SchemeOutcome.Status.INVALID) {
			return "Bearer error=" + SchemeAuthenticator.quoted(outcome.error()) + ", error_description="
					+ SchemeAuthenticator.quoted(outcome.errorDescription());
		}
		return "Bearer";
	}

}
