package dev.nexios.spring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer JWTs signed with a test's RSA key (RS256, RFC 7515/7519). Made by
 * {@link Credentials#jwt(RSAKey, String)}; refine with {@link #audience(String)} and
 * {@link #claim(String, Object)}.
 */
public final class JwtCredentials implements Credentials {

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final RSAKey signingKey;

	private final String issuer;

	private final List<String> audiences;

	private final Map<String, Object> claims;

	JwtCredentials(RSAKey signingKey, String issuer) {
		this(signingKey, issuer, List.of(), Map.of());
	}

	private JwtCredentials(RSAKey signingKey, String issuer, List<String> audiences, Map<String, Object> claims) {
		if (!signingKey.isPrivate()) {
			throw new IllegalArgumentException("The RSA key must contain its private part to sign tokens");
		}
		this.signingKey = signingKey;
		this.issuer = issuer;
		this.audiences = List.copyOf(audiences);
		this.claims = Map.copyOf(claims);
	}

	/**
	 * These credentials with one more {@code aud} value.
	 * @param audience the audience
	 * @return new credentials
	 */
	public JwtCredentials audience(String audience) {
		List<String> audiences = new ArrayList<>(this.audiences);
		audiences.add(audience);
		return new JwtCredentials(this.signingKey, this.issuer, audiences, this.claims);
	}

	/**
	 * These credentials with one more claim in every token.
	 * @param name the claim name
	 * @param value the claim value (a JSON-compatible value)
	 * @return new credentials
	 */
	public JwtCredentials claim(String name, Object value) {
		Map<String, Object> claims = new LinkedHashMap<>(this.claims);
		claims.put(name, value);
		return new JwtCredentials(this.signingKey, this.issuer, this.audiences, claims);
	}

	@Override
	public Optional<Credential> mint(DocumentedScheme scheme, Set<String> scopes, Set<String> withheldScopes) {
		Instant now = Instant.now();
		String token = sign(this.signingKey, now, now.plus(LIFETIME), scopes);
		return Optional.of(Credential.forScheme(scheme, token)
			.describedAs(scopes.isEmpty() ? "JWT without scopes" : "JWT scope " + String.join(" ", scopes)));
	}

	@Override
	public List<Credential> garbled(DocumentedScheme scheme) {
		Instant now = Instant.now();
		return List.of(Credential.forScheme(scheme, "not-a-jwt").describedAs("malformed token"),
				Credential.forScheme(scheme, sign(OtherKey.forKeyId(this.signingKey.getKeyID()), now,
						now.plus(LIFETIME), Set.of()))
					.describedAs("JWT signed by another key"),
				Credential.forScheme(scheme, sign(this.signingKey, now.minus(Duration.ofHours(2)),
						now.minus(Duration.ofHours(1)), Set.of()))
					.describedAs("expired JWT"));
	}

	private String sign(RSAKey key, Instant issuedAt, Instant expiresAt, Set<String> scopes) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject("nexios-conformance")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt));
		if (!this.audiences.isEmpty()) {
			claims.audience(this.audiences);
		}
		if (!scopes.isEmpty()) {
			claims.claim("scope", String.join(" ", scopes));
		}
		this.claims.forEach(claims::claim);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a test JWT", ex);
		}
	}

	/** An RSA key nobody trusts, made once per JVM (key generation takes a moment). */
	private static final class OtherKey {

		private static final RSAKey KEY = generate();

		static RSAKey forKeyId(String keyId) {
			return new RSAKey.Builder(KEY).keyID(keyId).build();
		}

		private static RSAKey generate() {
			try {
				return new RSAKeyGenerator(2048).generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
