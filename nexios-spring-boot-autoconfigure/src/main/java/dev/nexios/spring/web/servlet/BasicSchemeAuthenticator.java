package dev.nexios.spring.web.servlet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * An {@code http basic} scheme (RFC 7617): user-id and password of the {@code Authorization} header,
 * UTF-8, checked by a {@code DaoAuthenticationProvider} with the application's
 * {@code UserDetailsService} and {@code PasswordEncoder}. The scopes a user holds are its authorities
 * named {@code SCOPE_<scope>}.
 */
final class BasicSchemeAuthenticator implements SchemeAuthenticator {

	private final String schemeName;

	private final AuthenticationProvider provider;

	private final BasicAuthenticationConverter converter = new BasicAuthenticationConverter();

	/**
	 * @param schemeName the scheme name, also the realm of the challenge
	 * @param provider checks user-id and password; {@code null} when the application has no
	 * {@code UserDetailsService}, in which case every credential is refused
	 */
	BasicSchemeAuthenticator(String schemeName, AuthenticationProvider provider) {
		this.schemeName = schemeName;
		this.provider = provider;
	}

	@Override
	public String schemeName() {
		return this.schemeName;
	}

	@Override
	public boolean isSentByBrowser() {
		return true;
	}

	@Override
	public SchemeOutcome authenticate(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !StringUtils.startsWithIgnoreCase(header.trim(), "basic")) {
			return SchemeOutcome.ABSENT;
		}
		if (header.length() > BearerTokenSchemeAuthenticator.MAX_HEADER_LENGTH) {
			return SchemeOutcome.invalid("invalid_request", "The credentials are too long");
		}
		try {
			UsernamePasswordAuthenticationToken credentials = this.converter.convert(request);
			if (credentials == null || this.provider == null) {
				return SchemeOutcome.invalid("invalid_request", "The credentials are not valid");
			}
			Authentication authentication = this.provider.authenticate(credentials);
			if (authentication == null || !authentication.isAuthenticated()) {
				return SchemeOutcome.invalid("invalid_request", "The credentials are not valid");
			}
			if (authentication instanceof CredentialsContainer container) {
				container.eraseCredentials();
			}
			Set<String> scopes = new LinkedHashSet<>();
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				String name = authority.getAuthority();
				if (name != null && name.startsWith("SCOPE_")) {
					scopes.add(name.substring("SCOPE_".length()));
				}
			}
			return SchemeOutcome.authenticated(authentication, scopes);
		}
		catch (AuthenticationException | IllegalArgumentException ex) {
			return SchemeOutcome.invalid("invalid_request", "The credentials are not valid");
		}
	}

	@Override
	public String challenge(SchemeOutcome outcome, Collection<String> insufficientScope) {
		return "Basic realm=" + SchemeAuthenticator.quoted(this.schemeName) + ", charset=\"UTF-8\"";
	}

}
