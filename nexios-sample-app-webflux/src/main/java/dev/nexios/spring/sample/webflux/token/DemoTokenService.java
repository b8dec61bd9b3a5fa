package dev.nexios.spring.sample.webflux.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OAuthFlowType;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Issues access tokens for the demo users: the resource owner password credentials grant of RFC 6749
 * §4.3 reduced to what the sample needs.
 *
 * <p>The granted scope is the requested scope narrowed to what the user may have (RFC 6749 §3.3); no
 * requested scope means every scope the user may have. A requested scope that no {@code oauth2} scheme
 * with a password flow declares is {@code invalid_scope}, and so is a request of which nothing is left
 * after narrowing.
 */
class DemoTokenService {

	private final DemoAuthProperties properties;

	private final JwtEncoder encoder;

	private final Clock clock;

	private final Supplier<Set<String>> declaredScopes;

	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	/** Compared against when the username is unknown, so that unknown users take as long as known ones. */
	private final String unknownUserPassword = this.passwords.encode(UUID.randomUUID().toString());

	DemoTokenService(DemoAuthProperties properties, JwtEncoder encoder, Clock clock,
			ObjectProvider<NexiosSecurityModel> model) {
		this.properties = properties;
		this.encoder = encoder;
		this.clock = clock;
		this.declaredScopes = SingletonSupplier.of(() -> passwordFlowScopes(model.getIfAvailable()));
	}

	/**
	 * Checks the resource owner's credentials and issues a token.
	 * @param username the username, not {@code null}
	 * @param password the password, not {@code null}
	 * @param scope the requested scope (space-delimited, RFC 6749 §3.3), or {@code null}
	 * @return the issued token
	 * @throws TokenRequestException {@code invalid_grant} for wrong credentials, {@code invalid_scope}
	 * for an unknown scope or none that the user may have
	 */
	IssuedToken issue(String username, String password, String scope) {
		DemoAuthProperties.User user = this.properties.getUsers().get(username);
		boolean matches = this.passwords.matches(password,
				(user != null && user.getPassword() != null) ? user.getPassword() : this.unknownUserPassword);
		if (user == null || !matches) {
			throw new TokenRequestException("invalid_grant", "The username or password is not correct");
		}
		List<String> granted = grantedScopes(user.getScopes(), scope);
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(this.properties.getTokenLifetime());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.getIssuer())
			.subject(username)
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim("scope", String.join(" ", granted))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(token, this.properties.getTokenLifetime().toSeconds(), granted);
	}

	private List<String> grantedScopes(List<String> allowed, String requested) {
		if (!StringUtils.hasText(requested)) {
			return List.copyOf(new LinkedHashSet<>(allowed));
		}
		Set<String> requestedScopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
		Set<String> declared = this.declaredScopes.get();
		for (String candidate : requestedScopes) {
			if (!declared.contains(candidate)) {
				throw new TokenRequestException("invalid_scope", "Unknown scope: " + candidate);
			}
		}
		List<String> granted = requestedScopes.stream().filter(allowed::contains).toList();
		if (granted.isEmpty()) {
			throw new TokenRequestException("invalid_scope", "None of the requested scopes may be granted to this user");
		}
		return granted;
	}

	private static Set<String> passwordFlowScopes(NexiosSecurityModel model) {
		Set<String> scopes = new LinkedHashSet<>();
		if (model != null) {
			for (SecuritySchemeDefinition scheme : model.schemes().values()) {
				if (scheme.type() == SecuritySchemeType.OAUTH2 && scheme.flows().containsKey(OAuthFlowType.PASSWORD)) {
					scopes.addAll(scheme.flows().get(OAuthFlowType.PASSWORD).scopes().keySet());
				}
			}
		}
		return scopes;
	}

	/**
	 * An issued access token.
	 * @param value the compact JWS
	 * @param expiresIn lifetime in seconds
	 * @param scopes the granted scopes
	 */
	record IssuedToken(String value, long expiresIn, List<String> scopes) {
	}

}
