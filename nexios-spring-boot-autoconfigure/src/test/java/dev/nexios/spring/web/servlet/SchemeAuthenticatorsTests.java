package dev.nexios.spring.web.servlet;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.nexios.spring.core.ApiKeyAuthenticator;
import dev.nexios.spring.core.ApiKeyPrincipal;
import dev.nexios.spring.core.SchemeAuthenticators;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.core.SchemeOutcome;
import dev.nexios.spring.model.ApiKeyLocation;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Key material is read once, checked at startup, and reported without echoing secrets.
 */
class SchemeAuthenticatorsTests {

	static final SecuritySchemeDefinition API_KEY_SCHEME = new SecuritySchemeDefinition("apiKeyAuth",
			SecuritySchemeType.API_KEY, null, null, null, "X-API-KEY", ApiKeyLocation.HEADER, Map.of(), null);

	/**
	 * A scheme's authenticator with the servlet stack's verifier, as the filter uses them.
	 */
	record Verified(SchemeAuthenticators.Scheme<AuthenticationProvider> scheme) {

		SchemeOutcome authenticate(MockHttpServletRequest request) {
			return NexiosSecurityFilter.authenticate(this.scheme.authenticator(), this.scheme.verifier(), request,
					new ServletNexiosRequest(request));
		}

	}

	private static Verified create(SchemeAuthenticators authenticators, SecuritySchemeDefinition scheme,
			DefaultListableBeanFactory beans) {
		return new Verified(authenticators.create(scheme, new ServletSchemeVerifiers(beans)));
	}

	private static Verified apiKeyAuthenticator(SchemeKeyMaterial.ApiKey key, Map<String, String> env,
			DefaultListableBeanFactory beans) {
		SchemeKeyMaterial scheme = new SchemeKeyMaterial(null, null, List.of(key));
		return create(new SchemeAuthenticators(Map.of("apiKeyAuth", scheme), beans, new DefaultResourceLoader(), env::get),
				API_KEY_SCHEME, beans);
	}

	private static SchemeOutcome send(Verified authenticator, String key) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("X-API-KEY", key);
		return authenticator.authenticate(request);
	}

	@Test
	void plainKeyFromAnEnvironmentVariable() {
		SchemeKeyMaterial.ApiKey key = new SchemeKeyMaterial.ApiKey("ci", null, "NEXIOS_TEST_KEY", null, List.of("deploy"));
		Verified authenticator = apiKeyAuthenticator(key, Map.of("NEXIOS_TEST_KEY", TestSecrets.REPORTS_KEY + "\n"),
				new DefaultListableBeanFactory());
		SchemeOutcome outcome = send(authenticator, TestSecrets.REPORTS_KEY);
		assertThat(outcome.isAuthenticated()).isTrue();
		assertThat(outcome.authentication().getName()).isEqualTo("ci");
		assertThat(outcome.scopes()).containsExactly("deploy");
		assertThat(send(authenticator, TestSecrets.UNKNOWN_KEY).status()).isEqualTo(SchemeOutcome.Status.INVALID);
	}

	@Test
	void missingEnvironmentVariableFailsAtStartup() {
		SchemeKeyMaterial.ApiKey key = new SchemeKeyMaterial.ApiKey("ci", null, "NEXIOS_TEST_MISSING", null, null);
		assertThatIllegalStateException()
			.isThrownBy(() -> apiKeyAuthenticator(key, Map.of(), new DefaultListableBeanFactory()))
			.withMessage("nexios.security.schemes.apiKeyAuth.keys[0].value-from-env: environment variable "
					+ "'NEXIOS_TEST_MISSING' is not set");
	}

	@Test
	void keyNeedsExactlyOneSourceAndAPrincipal() {
		SchemeKeyMaterial.ApiKey key = new SchemeKeyMaterial.ApiKey("ci", null, null, null, null);
		assertThatIllegalStateException()
			.isThrownBy(() -> apiKeyAuthenticator(key, Map.of(), new DefaultListableBeanFactory()))
			.withMessageContaining("set exactly one of sha256, value-from-env, value-from-file");
		SchemeKeyMaterial.ApiKey anonymous = new SchemeKeyMaterial.ApiKey(null,
				HexFormat.of().formatHex(sha256(new byte[] { 1 })), null, null, null);
		assertThatIllegalStateException()
			.isThrownBy(() -> apiKeyAuthenticator(anonymous, Map.of(), new DefaultListableBeanFactory()))
			.withMessageContaining("principal is missing");
	}

	@Test
	void digestIsHexOrBase64OfThirtyTwoBytes() {
		byte[] digest = sha256("k".getBytes());
		assertThat(SchemeAuthenticators.parseDigest("x", HexFormat.of().formatHex(digest))).isEqualTo(digest);
		assertThat(SchemeAuthenticators.parseDigest("x", HexFormat.of().withUpperCase().formatHex(digest))).isEqualTo(digest);
		assertThat(SchemeAuthenticators.parseDigest("x", java.util.Base64.getEncoder().encodeToString(digest)))
			.isEqualTo(digest);
		assertThat(SchemeAuthenticators.parseDigest("x", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest)))
			.isEqualTo(digest);
		assertThatIllegalStateException().isThrownBy(() -> SchemeAuthenticators.parseDigest("where", "abc"))
			.withMessageStartingWith("where.sha256 is not a SHA-256 digest");
	}

	@Test
	void applicationKeyAuthenticatorIsAskedAfterConfiguredKeys() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("databaseKeys", (ApiKeyAuthenticator) (scheme, key) -> key.equals(TestSecrets.FILE_KEY)
				? new ApiKeyPrincipal("db-client:" + scheme, java.util.Set.of("reports")) : null);
		SchemeKeyMaterial.ApiKey key = new SchemeKeyMaterial.ApiKey("configured",
				HexFormat.of().formatHex(sha256(TestSecrets.REPORTS_KEY.getBytes())), null, null,
				null);
		Verified authenticator = apiKeyAuthenticator(key, Map.of(), beans);
		assertThat(send(authenticator, TestSecrets.REPORTS_KEY).authentication().getName()).isEqualTo("configured");
		SchemeOutcome fromDatabase = send(authenticator, TestSecrets.FILE_KEY);
		assertThat(fromDatabase.authentication().getName()).isEqualTo("db-client:apiKeyAuth");
		assertThat(fromDatabase.scopes()).containsExactly("reports");
		assertThat(send(authenticator, TestSecrets.UNKNOWN_KEY).status()).isEqualTo(SchemeOutcome.Status.INVALID);
	}

	static final SecuritySchemeDefinition BEARER_SCHEME = new SecuritySchemeDefinition("partnerAuth",
			SecuritySchemeType.HTTP, null, "bearer", "JWT", null, null, Map.of(), null);

	private static SchemeAuthenticators bearer(SchemeKeyMaterial.Jwt jwt) {
		return new SchemeAuthenticators(Map.of("partnerAuth", new SchemeKeyMaterial(jwt, null, List.of())),
				new DefaultListableBeanFactory(), new DefaultResourceLoader(), Map.<String, String>of()::get);
	}

	@Test
	void jwtSettingsWithoutTheSchemesOwnKeyMaterialStopTheStartNamingEachProperty() {
		SchemeKeyMaterial.Jwt jwt = new SchemeKeyMaterial.Jwt(null, null, null, List.of("partner-api"), List.of("RS512"),
				List.of("at+jwt"), true, null);
		assertThatExceptionOfType(InvalidSecurityDeclarationException.class)
			.isThrownBy(() -> create(bearer(jwt), BEARER_SCHEME, new DefaultListableBeanFactory()))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"nexios.security.schemes.partnerAuth.jwt.audiences cannot take effect: the scheme has no JWT key "
							+ "material of its own (nexios.security.schemes.partnerAuth.jwt.issuer-uri, .jwk-set-uri or "
							+ ".public-key-location) and verifies tokens with the application's JwtDecoder or "
							+ "OpaqueTokenIntrospector bean (spring.security.oauth2.resourceserver.*)",
					"nexios.security.schemes.partnerAuth.jwt.jws-algorithms cannot take effect: the scheme has no JWT key "
							+ "material of its own (nexios.security.schemes.partnerAuth.jwt.issuer-uri, .jwk-set-uri or "
							+ ".public-key-location) and verifies tokens with the application's JwtDecoder or "
							+ "OpaqueTokenIntrospector bean (spring.security.oauth2.resourceserver.*)",
					"nexios.security.schemes.partnerAuth.jwt.token-types cannot take effect: the scheme has no JWT key "
							+ "material of its own (nexios.security.schemes.partnerAuth.jwt.issuer-uri, .jwk-set-uri or "
							+ ".public-key-location) and verifies tokens with the application's JwtDecoder or "
							+ "OpaqueTokenIntrospector bean (spring.security.oauth2.resourceserver.*)",
					"nexios.security.schemes.partnerAuth.jwt.require-token-type cannot take effect: the scheme has no JWT "
							+ "key material of its own (nexios.security.schemes.partnerAuth.jwt.issuer-uri, .jwk-set-uri or "
							+ ".public-key-location) and verifies tokens with the application's JwtDecoder or "
							+ "OpaqueTokenIntrospector bean (spring.security.oauth2.resourceserver.*)"));
	}

	@Test
	void requireExpirationTimeTakesEffectWithTheApplicationsDecoderToo() {
		SchemeKeyMaterial.Jwt jwt = new SchemeKeyMaterial.Jwt(null, null, null, null, null, null, null, false);
		assertThat(bearer(jwt).problems(BEARER_SCHEME)).isEmpty();
	}

	@Test
	void jwtSettingsNextToAnIntrospectionEndpointStopTheStart() {
		SchemeAuthenticators authenticators = new SchemeAuthenticators(Map.of("partnerAuth",
				new SchemeKeyMaterial(new SchemeKeyMaterial.Jwt(null, null, null, List.of("partner-api"), null),
						new SchemeKeyMaterial.OpaqueToken("https://issuer.example/introspect", null, null), List.of())),
				new DefaultListableBeanFactory(), new DefaultResourceLoader(), Map.<String, String>of()::get);
		assertThat(authenticators.problems(BEARER_SCHEME)).singleElement()
			.asString()
			.startsWith("nexios.security.schemes.partnerAuth.jwt.audiences cannot take effect")
			.endsWith("introspects tokens with nexios.security.schemes.partnerAuth.opaque-token.introspection-uri");
		SchemeAuthenticators both = new SchemeAuthenticators(Map.of("partnerAuth",
				new SchemeKeyMaterial(new SchemeKeyMaterial.Jwt("https://partner.example", null, null, null, null),
						new SchemeKeyMaterial.OpaqueToken("https://issuer.example/introspect", "client", TestSecrets.UNKNOWN_KEY),
						List.of())),
				new DefaultListableBeanFactory(), new DefaultResourceLoader(), Map.<String, String>of()::get);
		assertThat(both.problems(BEARER_SCHEME)).hasSize(3)
			.allSatisfy((problem) -> assertThat(problem).contains("cannot take effect: the scheme verifies JWTs with")
				.doesNotContain(TestSecrets.UNKNOWN_KEY))
			.anySatisfy((problem) -> assertThat(problem).startsWith("nexios.security.schemes.partnerAuth.opaque-token.client-secret"));
	}

	@Test
	void jwtSettingsOfASchemeThatTakesNoTokensStopTheStart() {
		SchemeKeyMaterial scheme = new SchemeKeyMaterial(new SchemeKeyMaterial.Jwt(null, null, null, List.of("api"), null),
				null, List.of());
		SchemeAuthenticators authenticators = new SchemeAuthenticators(Map.of("apiKeyAuth", scheme),
				new DefaultListableBeanFactory(), new DefaultResourceLoader(), Map.<String, String>of()::get);
		assertThat(authenticators.problems(API_KEY_SCHEME)).containsExactly("nexios.security.schemes.apiKeyAuth.jwt.audiences "
				+ "cannot take effect: only bearer-token schemes (http bearer, oauth2, openIdConnect) verify tokens");
	}

	@Test
	void algorithmsThatTheRsaPublicKeyCannotVerifyStopTheStart() {
		SchemeKeyMaterial.Jwt jwt = new SchemeKeyMaterial.Jwt(null, null, "classpath:enforcement/partner-public.pem",
				List.of("partner-api"), List.of("RS256", "ES256", "XY999"));
		assertThat(bearer(jwt).problems(BEARER_SCHEME)).containsExactly(
				"nexios.security.schemes.partnerAuth.jwt.jws-algorithms: ES256 cannot be verified with the RSA public key of "
						+ "nexios.security.schemes.partnerAuth.jwt.public-key-location; RS256, RS384, RS512, PS256, PS384 "
						+ "and PS512 can",
				"nexios.security.schemes.partnerAuth.jwt.jws-algorithms: 'XY999' is not a supported JWS algorithm "
						+ "(RFC 7518 §3.1), e.g. RS256, ES256, PS256");
		SchemeKeyMaterial.Jwt rsa = new SchemeKeyMaterial.Jwt(null, null, "classpath:enforcement/partner-public.pem",
				List.of("partner-api"), List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"));
		assertThat(bearer(rsa).problems(BEARER_SCHEME)).isEmpty();
	}

	@Test
	void twoSourcesOfSigningKeysStopTheStart() {
		SchemeKeyMaterial.Jwt jwt = new SchemeKeyMaterial.Jwt(null, "https://partner.example/jwks",
				"classpath:enforcement/partner-public.pem", List.of("partner-api"), null);
		assertThat(bearer(jwt).problems(BEARER_SCHEME)).containsExactly(
				"nexios.security.schemes.partnerAuth.jwt.public-key-location cannot take effect together with "
						+ "nexios.security.schemes.partnerAuth.jwt.jwk-set-uri: set one source of signing keys");
	}

	@Test
	void jwtTypeValidatorBeansAreForSpringBootsDecoderNotForASchemesOwn() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("onlyJwt", new JwtTypeValidator("JWT"));
		SchemeKeyMaterial.Jwt jwt = new SchemeKeyMaterial.Jwt("https://partner.example", null,
				"classpath:enforcement/partner-public.pem", List.of("partner-api"), null, List.of("at+jwt"), null, null);
		Verified authenticator = create(new SchemeAuthenticators(
				Map.of("partnerAuth", new SchemeKeyMaterial(jwt, null, List.of())), beans, new DefaultResourceLoader(),
				Map.<String, String>of()::get), BEARER_SCHEME, beans);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + TestTokens.sign(TestTokens.PARTNER_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).build(),
				TestTokens.partnerClaims().build()));
		assertThat(authenticator.authenticate(request).isAuthenticated()).isTrue();
		MockHttpServletRequest typedJwt = new MockHttpServletRequest();
		typedJwt.addHeader("Authorization", "Bearer " + TestTokens.sign(TestTokens.PARTNER_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), TestTokens.partnerClaims().build()));
		assertThat(authenticator.authenticate(typedJwt).status()).isEqualTo(SchemeOutcome.Status.INVALID);
	}

	@Test
	void leakDetectorFindsASecretInALogLine() {
		assertThat(NoSecretsInLogs.leaks(List.of("refused key " + TestSecrets.UNKNOWN_KEY + " for client"))).hasSize(1)
			.allSatisfy((leak) -> assertThat(leak).doesNotContain(TestSecrets.UNKNOWN_KEY));
		assertThat(NoSecretsInLogs.leaks(List.of("refused the API key of scheme apiKeyAuth"))).isEmpty();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
