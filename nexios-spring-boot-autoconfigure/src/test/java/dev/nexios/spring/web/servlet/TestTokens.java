package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints real RS256 JWTs with the test keys of {@code src/test/resources/enforcement}.
 */
public final class TestTokens {

	static final RSAPrivateKey ISSUER_KEY = privateKey("enforcement/issuer-private.pem");

	static final RSAPrivateKey PARTNER_KEY = privateKey("enforcement/partner-private.pem");

	static final RSAPrivateKey OTHER_KEY = privateKey("enforcement/other-private.pem");

	private TestTokens() {
	}

	/**
	 * A valid token of the application's issuer ({@code https://issuer.example}, audience
	 * {@code nexios-api}).
	 */
	public static String issuerToken(String subject, String scope) {
		return sign(ISSUER_KEY, issuerClaims(subject, scope).build());
	}

	static JWTClaimsSet.Builder issuerClaims(String subject, String scope) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://issuer.example")
			.audience(List.of("nexios-api"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString());
		if (scope != null) {
			claims.claim("scope", scope);
		}
		return claims;
	}

	/**
	 * An {@code Authorization} header value with a valid issuer token of {@code alice} holding a scope.
	 */
	static String bearer(String scope) {
		return "Bearer " + issuerToken("alice", scope);
	}

	static String issuerToken(Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = issuerClaims("alice", null);
		customizer.accept(claims);
		return sign(ISSUER_KEY, claims.build());
	}

	/**
	 * A valid token of the partner issuer ({@code https://partner.example}, audience {@code partner-api}).
	 */
	static String partnerToken(Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = partnerClaims();
		customizer.accept(claims);
		return sign(PARTNER_KEY, claims.build());
	}

	/**
	 * The claims of a valid partner token.
	 */
	static JWTClaimsSet.Builder partnerClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject("partner-app")
			.issuer("https://partner.example")
			.audience(List.of("partner-api"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	static String sign(RSAPrivateKey key, JWTClaimsSet claims) {
		return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
	}

	/**
	 * Signs with the given header, e.g. another RSA algorithm ({@code RS512}, {@code PS256}) or a
	 * {@code typ}.
	 */
	static String sign(RSAPrivateKey key, JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return TestSecrets.registerToken(jwt.serialize());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An unsecured JWT ({@code alg: none}, RFC 7519 §6) with otherwise valid claims.
	 */
	static String unsecuredToken() {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		String payload = encoder.encodeToString(issuerClaims("mallory", "read write admin").build()
			.toString()
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	private static RSAPrivateKey privateKey(String location) {
		try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(location)) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
