package dev.nexios.spring.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;


import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;

/**
 * An {@code http basic} scheme (RFC 7617): user-id and password of the {@code Authorization} header,
 * UTF-8, checked with the application's user details service and {@code PasswordEncoder}
 * ({@code DaoAuthenticationProvider} on the servlet stack,
 * {@code UserDetailsRepositoryReactiveAuthenticationManager} on the reactive one). The scopes a user holds are its authorities
 * named {@code SCOPE_<scope>}.
 */
public final class BasicSchemeAuthenticator implements SchemeAuthenticator {

	private final String schemeName;

	/**
	 * @param schemeName the scheme name, also the realm of the challenge
	 */
	BasicSchemeAuthenticator(String schemeName) {
		this.schemeName = schemeName;
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
	public SchemeCredential read(NexiosRequest request) {
		String header = request.header(HttpHeaders.AUTHORIZATION);
		if (header != null && header.length() > BearerTokenSchemeAuthenticator.MAX_HEADER_LENGTH) {
			return SchemeCredential.resolved((AuthorizationHeader.parse(header.substring(0, 64), "Basic")
				.status() == AuthorizationHeader.Status.OTHER_SCHEME) ? SchemeOutcome.ABSENT
						: SchemeOutcome.invalid("invalid_request", "The credentials are too long"));
		}
		AuthorizationHeader.Credentials header68 = AuthorizationHeader.parse(header, "Basic");
		if (header68.status() == AuthorizationHeader.Status.OTHER_SCHEME) {
			return SchemeCredential.resolved(SchemeOutcome.ABSENT);
		}
		UsernamePasswordAuthenticationToken credentials = userIdAndPassword(header68);
		if (credentials == null) {
			return SchemeCredential.resolved(unverifiable());
		}
		return SchemeCredential.toVerify(credentials);
	}

	@Override
	public SchemeOutcome verified(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return unverifiable();
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

	@Override
	public SchemeOutcome failed(RuntimeException ex) {
		if (ex instanceof AuthenticationException || ex instanceof IllegalArgumentException) {
			return unverifiable();
		}
		throw ex;
	}

	@Override
	public SchemeOutcome unverifiable() {
		return SchemeOutcome.invalid("invalid_request", "The credentials are not valid");
	}

	/**
	 * The user-id and password of a {@code Basic} credential (RFC 7617 §2): the Base64 of
	 * {@code user-id ":" password}, UTF-8 (the {@code charset} of the challenge). The user-id ends at the
	 * first colon; neither part may contain a control character.
	 * @return the unauthenticated token, or {@code null} when the credential is malformed
	 */
	static UsernamePasswordAuthenticationToken userIdAndPassword(AuthorizationHeader.Credentials credentials) {
		if (credentials.status() != AuthorizationHeader.Status.WELL_FORMED) {
			return null;
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(credentials.token68());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		String pair;
		try {
			pair = utf8.decode(ByteBuffer.wrap(decoded)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		int colon = pair.indexOf(':');
		if (colon < 0 || pair.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.unauthenticated(pair.substring(0, colon), pair.substring(colon + 1));
	}

	@Override
	public String challenge(SchemeOutcome outcome, Collection<String> insufficientScope) {
		return "Basic realm=" + SchemeAuthenticator.quoted(this.schemeName) + ", charset=\"UTF-8\"";
	}

}
