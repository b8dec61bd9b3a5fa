package dev.nexios.spring.test.web;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * JWTs signed by the test key: an RSA key pair generated once per JVM, never written anywhere, so no
 * application outside the test trusts it. Tests annotated with {@link AutoConfigureNexiosTestTokens}
 * verify bearer tokens with {@link #jwtDecoder()}.
 *
 * <p>Use {@link NexiosRequestPostProcessors#bearerToken(String)} with MockMvc, or {@link #jwt} for an
 * {@code Authorization: Bearer} header of any other client (e.g. over HTTP in a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}).
 */
public final class NexiosTestTokens {

	/** The issuer ({@code iss}) of every test token. */
	public static final String ISSUER = "urn:nexios:test";

	/** How long a test token is valid: one hour from its creation. */
	public static final Duration LIFETIME = Duration.ofHours(1);

	private NexiosTestTokens() {
	}

	/**
	 * A signed JWT ({@code RS256}, {@code typ: JWT}) with {@code iss}, {@code sub}, {@code iat},
	 * {@code exp}, {@code jti} and, when scopes are given, {@code scope} (space-separated, RFC 8693 §4.2).
	 * @param subject the {@code sub} claim, the caller's name
	 * @param scopes the granted scopes, possibly empty
	 * @param claims further claims; they replace the ones above of the same name
	 * @return the compact serialization, to send as {@code Authorization: Bearer <token>}
	 */
	public static String jwt(String subject, Collection<String> scopes, Map<String, Object> claims) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder set = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.id(UUID.randomUUID().toString());
		if (!scopes.isEmpty()) {
			set.claim("scope", String.join(" ", scopes));
		}
		claims.forEach(set::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		return Key.ENCODER.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
	}

	/**
	 * A signed JWT for a subject with scopes; see {@link #jwt(String, Collection, Map)}.
	 * @param subject the {@code sub} claim
	 * @param scopes the granted scopes
	 * @return the compact serialization
	 */
	public static String jwt(String subject, String... scopes) {
		return jwt(subject, java.util.List.of(scopes), Map.of());
	}

	/**
	 * A decoder that accepts the tokens of this class, and only those: signature by the test key,
	 * {@code exp} and {@code nbf} (Spring Security's default validation).
	 * @return a new decoder
	 */
	public static JwtDecoder jwtDecoder() {
		return NimbusJwtDecoder.withPublicKey(Key.PUBLIC).signatureAlgorithm(SignatureAlgorithm.RS256).build();
	}

	/** The key pair, created on first use. */
	private static final class Key {

		private static final KeyPair PAIR = generate();

		static final RSAPublicKey PUBLIC = (RSAPublicKey) PAIR.getPublic();

		static final JwtEncoder ENCODER = NimbusJwtEncoder.withKeyPair(PUBLIC, (RSAPrivateKey) PAIR.getPrivate())
			.algorithm(SignatureAlgorithm.RS256)
			.build();

		private static KeyPair generate() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("RSA is not available", ex);
			}
		}

	}

}
