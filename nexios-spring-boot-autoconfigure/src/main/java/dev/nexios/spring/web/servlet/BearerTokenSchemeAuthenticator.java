package dev.nexios.spring.web.servlet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * A bearer-token scheme ({@code http bearer}, {@code oauth2}, {@code openIdConnect}): the token of the
 * {@code Authorization} header (RFC 6750 §2.1), verified by Spring Security's resource server (a JWT
 * decoder or an opaque-token introspector). Scopes are read from the verified {@code scope} or
 * {@code scp} claim.
 */
final class BearerTokenSchemeAuthenticator implements SchemeAuthenticator {

	/** Longer headers are refused without parsing. */
	static final int MAX_HEADER_LENGTH = 16 * 1024;

	private static final Log logger = LogFactory.getLog(BearerTokenSchemeAuthenticator.class);

	private final String schemeName;

	private final AuthenticationProvider provider;

	/**
	 * @param schemeName the scheme name
	 * @param provider verifies a {@link BearerTokenAuthenticationToken}; {@code null} when no key material
	 * is configured, in which case every token is refused
	 */
	BearerTokenSchemeAuthenticator(String schemeName, AuthenticationProvider provider) {
		this.schemeName = schemeName;
		this.provider = provider;
	}

	@Override
	public String schemeName() {
		return this.schemeName;
	}

	@Override
	public SchemeOutcome authenticate(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.length() > MAX_HEADER_LENGTH) {
			return (AuthorizationHeader.parse(header.substring(0, 64), "Bearer")
				.status() == AuthorizationHeader.Status.OTHER_SCHEME) ? SchemeOutcome.ABSENT
						: SchemeOutcome.invalid("invalid_token", "The access token is too long");
		}
		AuthorizationHeader.Credentials credentials = AuthorizationHeader.parse(header, "Bearer");
		if (credentials.status() == AuthorizationHeader.Status.OTHER_SCHEME) {
			return SchemeOutcome.ABSENT;
		}
		if (credentials.status() == AuthorizationHeader.Status.MALFORMED) {
			return SchemeOutcome.invalid("invalid_token", "The access token is malformed");
		}
		try {
			String token = credentials.token68();
			if (this.provider == null) {
				return SchemeOutcome.invalid("invalid_token", "The access token cannot be verified");
			}
			Authentication authentication = this.provider.authenticate(new BearerTokenAuthenticationToken(token));
			if (authentication == null || !authentication.isAuthenticated()) {
				return SchemeOutcome.invalid("invalid_token", "The access token is invalid");
			}
			return SchemeOutcome.authenticated(authentication, scopes(authentication));
		}
		catch (AuthenticationServiceException ex) {
			// the verifier failed (JWK set, discovery or introspection endpoint unreachable), not the token
			logger.warn("Bearer token of scheme '" + this.schemeName + "' could not be verified, answering 503: "
					+ ex.getMessage());
			return SchemeOutcome.unavailable("The access token cannot be verified now; try again later");
		}
		catch (AuthenticationException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Bearer token of scheme '" + this.schemeName + "' refused: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			return SchemeOutcome.invalid("invalid_token", "The access token is invalid, expired or not accepted");
		}
		catch (RuntimeException ex) {
			// e.g. the issuer's discovery failed: the token may be valid
			logger.warn("Bearer token of scheme '" + this.schemeName + "' could not be verified, answering 503: "
					+ ex.getClass().getName() + ": " + ex.getMessage());
			return SchemeOutcome.unavailable("The access token cannot be verified now; try again later");
		}
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
