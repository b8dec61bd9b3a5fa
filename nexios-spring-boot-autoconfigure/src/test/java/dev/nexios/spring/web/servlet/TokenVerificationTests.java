package dev.nexios.spring.web.servlet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
/**
 * Token verification over real HTTP, with real RS256/RS512/PS256-signed tokens: {@code exp} is required
 * (RFC 9068 §2.2) unless a scheme relaxes it, {@code typ: at+jwt} (RFC 9068 §2.1) is accepted by Spring
 * Boot's decoder and by a scheme's own, every listed JWS algorithm works with a public key, a scheme with
 * a public key alone starts (and is warned about), the application's {@code OAuth2TokenValidator<Jwt>}
 * and {@code JwkSetUriJwtDecoderBuilderCustomizer} beans apply to a scheme's own decoder, and the
 * {@code Authorization} header is read by the grammar of RFC 9110 §11.6.2.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenVerificationTests {

	static ConfigurableApplicationContext application;

	static String applicationUrl;

	static String startupOutput;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		application = new SpringApplicationBuilder(TokenApplication.class).properties(properties(port,
				"nexios.security.schemes.jwksAuth.jwt.jwk-set-uri=http://localhost:" + port + "/test-jwks"))
			.run();
		applicationUrl = "http://localhost:" + port;
		startupOutput = output.getAll();
	}

	static String[] properties(int port, String... more) {
		String[] base = { "server.port=" + port, "spring.config.name=token-verification",
				"springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false",
				"spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:enforcement/issuer-public.pem",
				"spring.security.oauth2.resourceserver.jwt.audiences=nexios-api",
				"nexios.security.schemes.lenientAuth.type=http", "nexios.security.schemes.lenientAuth.scheme=bearer",
				"nexios.security.schemes.lenientAuth.jwt.require-expiration-time=false",
				"nexios.security.schemes.partnerAuth.type=http", "nexios.security.schemes.partnerAuth.scheme=bearer",
				"nexios.security.schemes.partnerAuth.jwt.public-key-location=classpath:enforcement/partner-public.pem",
				"nexios.security.schemes.partnerAuth.jwt.issuer-uri=https://partner.example",
				"nexios.security.schemes.partnerAuth.jwt.audiences=partner-api",
				"nexios.security.schemes.keyOnlyAuth.type=http", "nexios.security.schemes.keyOnlyAuth.scheme=bearer",
				"nexios.security.schemes.keyOnlyAuth.jwt.public-key-location=classpath:enforcement/partner-public.pem",
				"nexios.security.schemes.keyOnlyAuth.jwt.jws-algorithms=RS256,RS512,PS256",
				"nexios.security.schemes.typedAuth.type=http", "nexios.security.schemes.typedAuth.scheme=bearer",
				"nexios.security.schemes.typedAuth.jwt.public-key-location=classpath:enforcement/partner-public.pem",
				"nexios.security.schemes.typedAuth.jwt.issuer-uri=https://partner.example",
				"nexios.security.schemes.typedAuth.jwt.token-types=at+jwt",
				"nexios.security.schemes.typedAuth.jwt.require-token-type=true",
				"nexios.security.schemes.jwksAuth.type=http", "nexios.security.schemes.jwksAuth.scheme=bearer",
				"nexios.security.schemes.jwksAuth.jwt.audiences=partner-api",
				"nexios.security.schemes.basicAuth.type=http", "nexios.security.schemes.basicAuth.scheme=basic" };
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	static HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(applicationUrl + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String issuerToken(Consumer<JWTClaimsSet.Builder> claims) {
		return TestTokens.issuerToken(claims);
	}

	static String partnerToken(JWSAlgorithm algorithm, JOSEObjectType type, Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = TestTokens.partnerClaims();
		customizer.accept(claims);
		return TestTokens.sign(TestTokens.PARTNER_KEY, new JWSHeader.Builder(algorithm).type(type).keyID("partner").build(),
				claims.build());
	}

	static void assertInvalidToken(HttpResponse<String> response, String token) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get()
			.asString()
			.startsWith("Bearer error=\"invalid_token\"");
		assertThat(response.body()).doesNotContain(token);
	}

	// exp (RFC 9068 §2.2)

	@Test
	void tokenWithoutExpIsRefusedByTheApplicationsDecoder() throws Exception {
		String token = issuerToken((claims) -> claims.expirationTime(null));
		assertInvalidToken(get("/bearer", "Bearer " + token), token);
		assertThat(get("/bearer", "Bearer " + issuerToken((claims) -> { })).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithoutExpIsAcceptedWhereTheSchemeRelaxesIt() throws Exception {
		HttpResponse<String> response = get("/lenient", "Bearer " + issuerToken((claims) -> claims.expirationTime(null)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("lenient alice");
	}

	@Test
	void tokenWithoutExpIsRefusedByASchemesOwnDecoder() throws Exception {
		String token = partnerToken(JWSAlgorithm.RS256, null, (claims) -> claims.expirationTime(null));
		assertInvalidToken(get("/partner", "Bearer " + token), token);
		String keyOnly = partnerToken(JWSAlgorithm.RS256, null, (claims) -> claims.expirationTime(null));
		assertInvalidToken(get("/key-only", "Bearer " + keyOnly), keyOnly);
	}

	// typ (RFC 9068 §2.1)

	@Test
	void atJwtIsAcceptedBySpringBootsDecoder() throws Exception {
		String token = TestTokens.sign(TestTokens.ISSUER_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).build(),
				TestTokens.issuerClaims("alice", null).build());
		assertThat(get("/bearer", "Bearer " + token).statusCode()).isEqualTo(200);
		String other = TestTokens.sign(TestTokens.ISSUER_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("secevent+jwt")).build(),
				TestTokens.issuerClaims("alice", null).build());
		assertInvalidToken(get("/bearer", "Bearer " + other), other);
	}

	@Test
	void jwtAtJwtAndNoTypAreAcceptedByASchemesOwnDecoder() throws Exception {
		for (JOSEObjectType type : new JOSEObjectType[] { JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
				new JOSEObjectType("application/at+jwt"), null }) {
			assertThat(get("/partner", "Bearer " + partnerToken(JWSAlgorithm.RS256, type, (claims) -> { })).statusCode())
				.as("typ %s", type)
				.isEqualTo(200);
		}
		String token = partnerToken(JWSAlgorithm.RS256, new JOSEObjectType("secevent+jwt"), (claims) -> { });
		assertInvalidToken(get("/partner", "Bearer " + token), token);
	}

	@Test
	void tokenTypesOfASchemeAreTheOnlyOnesAccepted() throws Exception {
		assertThat(get("/typed", "Bearer " + partnerToken(JWSAlgorithm.RS256, new JOSEObjectType("at+jwt"), (claims) -> { }))
			.statusCode()).isEqualTo(200);
		for (JOSEObjectType type : new JOSEObjectType[] { JOSEObjectType.JWT, null }) {
			String token = partnerToken(JWSAlgorithm.RS256, type, (claims) -> { });
			assertInvalidToken(get("/typed", "Bearer " + token), token);
		}
	}

	// jws-algorithms with public-key-location; a public key alone

	@Test
	void everyListedAlgorithmIsAcceptedWithAPublicKeyAlone() throws Exception {
		for (JWSAlgorithm algorithm : new JWSAlgorithm[] { JWSAlgorithm.RS256, JWSAlgorithm.RS512, JWSAlgorithm.PS256 }) {
			HttpResponse<String> response = get("/key-only", "Bearer " + partnerToken(algorithm, null, (claims) -> { }));
			assertThat(response.statusCode()).as(algorithm.getName()).isEqualTo(200);
		}
		String unlisted = partnerToken(JWSAlgorithm.RS384, null, (claims) -> { });
		assertInvalidToken(get("/key-only", "Bearer " + unlisted), unlisted);
		String forged = TestTokens.sign(TestTokens.OTHER_KEY, new JWSHeader.Builder(JWSAlgorithm.RS512).build(),
				TestTokens.partnerClaims().build());
		assertInvalidToken(get("/key-only", "Bearer " + forged), forged);
	}

	@Test
	void unsecuredConfusedAndEmbeddedKeyTokensAreRefusedByAPublicKeyScheme() throws Exception {
		byte[] pem;
		try (InputStream in = TokenVerificationTests.class.getClassLoader()
			.getResourceAsStream("enforcement/partner-public.pem")) {
			pem = in.readAllBytes();
		}
		RSAPublicKey publicKey = RsaKeyConverters.x509().convert(new ByteArrayInputStream(pem));
		List<String> tokens = new ArrayList<>();
		// alg: none
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String claims = TestTokens.partnerClaims().build().toString();
		tokens.add(b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".");
		tokens.add(b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString("x".getBytes(StandardCharsets.UTF_8)));
		// HS256/HS512 with the public key's bytes as the HMAC secret (key confusion)
		for (byte[] secret : new byte[][] { pem, publicKey.getEncoded() }) {
			for (JWSAlgorithm hs : new JWSAlgorithm[] { JWSAlgorithm.HS256, JWSAlgorithm.HS512 }) {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(hs).build(),
						TestTokens.partnerClaims().build());
				jwt.sign(new MACSigner(secret));
				tokens.add(jwt.serialize());
			}
		}
		// the attacker's own key embedded in the header (jwk), RS256
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair attacker = generator.generateKeyPair();
		SignedJWT embedded = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
			.jwk(new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build())
			.build(), TestTokens.partnerClaims().build());
		embedded.sign(new RSASSASigner(attacker.getPrivate()));
		tokens.add(embedded.serialize());
		// listed algorithm, but a refused typ; an unlisted RSA algorithm
		tokens.add(partnerToken(JWSAlgorithm.RS256, new JOSEObjectType("secevent+jwt"), (c) -> { }));
		tokens.add(partnerToken(JWSAlgorithm.PS512, null, (c) -> { }));
		tokens.add(partnerToken(JWSAlgorithm.RS256, null, (c) -> c.expirationTime(
				Date.from(Instant.now().minusSeconds(3600)))));
		for (String path : new String[] { "/key-only", "/partner", "/typed" }) {
			for (String token : tokens) {
				HttpResponse<String> response = get(path, "Bearer " + token);
				assertThat(response.statusCode()).as("%s %s", path, token).isEqualTo(401);
				assertThat(response.body()).isNotEqualTo(path.substring(1));
			}
		}
		// the default algorithm list (RS256 only) of /partner refuses RS512
		String rs512 = partnerToken(JWSAlgorithm.RS512, null, (c) -> { });
		assertInvalidToken(get("/partner", "Bearer " + rs512), rs512);
		assertThat(get("/partner", "Bearer " + partnerToken(JWSAlgorithm.RS256, null, (c) -> { })).statusCode())
			.isEqualTo(200);
	}

	@Test
	void schemeThatChecksNeitherIssuerNorAudienceIsWarnedAbout() {
		assertThat(startupOutput).contains("Security scheme 'keyOnlyAuth' checks neither the issuer nor the audience")
			.doesNotContain("Security scheme 'partnerAuth' checks neither")
			.doesNotContain("Security scheme 'jwksAuth' checks neither")
			.doesNotContain("Security scheme 'typedAuth' checks neither");
	}

	// the application's validators and customizers

	@Test
	void applicationsTokenValidatorAppliesToASchemesOwnDecoder() throws Exception {
		String blocked = partnerToken(JWSAlgorithm.RS256, null, (claims) -> claims.claim("blocked", true));
		assertInvalidToken(get("/partner", "Bearer " + blocked), blocked);
		String alsoBlocked = issuerToken((claims) -> claims.claim("blocked", true));
		assertInvalidToken(get("/bearer", "Bearer " + alsoBlocked), alsoBlocked);
	}

	@Test
	void applicationsJwkSetUriCustomizerAppliesToASchemesOwnDecoder() throws Exception {
		// jws-algorithms is unset (RS256); the customizer adds RS512
		assertThat(get("/jwks-scheme", "Bearer " + partnerToken(JWSAlgorithm.RS512, null, (claims) -> { })).statusCode())
			.isEqualTo(200);
		String unlisted = partnerToken(JWSAlgorithm.RS384, null, (claims) -> { });
		assertInvalidToken(get("/jwks-scheme", "Bearer " + unlisted), unlisted);
		String otherAudience = partnerToken(JWSAlgorithm.RS256, null, (claims) -> claims.audience("nexios-api"));
		assertInvalidToken(get("/jwks-scheme", "Bearer " + otherAudience), otherAudience);
	}

	// settings that cannot take effect

	@Test
	void audiencesWithoutTheSchemesOwnKeyMaterialStopTheStart() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TokenApplication.class)
			.properties(properties(port, "nexios.security.schemes.jwksAuth.jwt.jwk-set-uri=http://localhost:1/jwks",
					"nexios.security.schemes.audienceOnly.type=http", "nexios.security.schemes.audienceOnly.scheme=bearer",
					"nexios.security.schemes.audienceOnly.jwt.audiences=orders-api"));
		assertThatException().isThrownBy(builder::run)
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.isInstanceOf(InvalidSecurityDeclarationException.class)
				.hasMessageContaining("nexios.security.schemes.audienceOnly.jwt.audiences cannot take effect: the scheme "
						+ "has no JWT key material of its own"));
	}

	// the Authorization header (RFC 9110 §11.6.2, RFC 6750 §2.1, RFC 7617 §2)

	@ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
	@CsvSource(delimiter = '|', value = {
			"Bearer {token}       | 200 | hello alice",
			"bearer {token}       | 200 | hello alice",
			"BEARER {token}       | 200 | hello alice",
			"Bearer   {token}     | 200 | hello alice",
			"Bearer               | 401 | ",
			"Bearerx {token}      | 200 | anonymous",
			"Bearer\t{token}      | 401 | ",
			"Bearer {token} more  | 401 | ",
			"Bearer ,{token}      | 401 | ",
			"Bearer {token}=x     | 401 | ",
			"Basic {basic}        | 200 | hello alice",
			"basic {basic}        | 200 | hello alice",
			"BASIC  {basic}       | 200 | hello alice",
			"Basic                | 401 | ",
			"Basicx {basic}       | 200 | anonymous",
			"Basic {basic} more   | 401 | ",
			"Basic {no-colon}     | 401 | ",
			"Basic %%%            | 401 | ",
			"Other {token}        | 200 | anonymous" })
	void authorizationHeaderIsReadByItsGrammar(String header, int status, String body) throws Exception {
		String token = issuerToken((claims) -> { });
		String basic = Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String noColon = Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8));
		String value = header.replace("\\t", "\t")
			.replace("{token}", token)
			.replace("{basic}", basic)
			.replace("{no-colon}", noColon);
		String path = header.toLowerCase().startsWith("basic") ? "/optional-basic" : "/optional-bearer";
		HttpResponse<String> response = get(path, value);
		assertThat(response.statusCode()).isEqualTo(status);
		if (status == 200) {
			assertThat(response.body()).isEqualTo(body);
		}
		else {
			assertThat(response.body()).doesNotContain(token).doesNotContain(basic);
		}
		if (status == 401 && path.equals("/optional-bearer")) {
			assertThat(response.headers().firstValue("WWW-Authenticate")).get()
				.asString()
				.startsWith("Bearer error=\"invalid_token\"");
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(TokenApplication.TokenController.class)
	static class TokenApplication {

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}" + TestSecrets.PASSWORD).authorities("SCOPE_read").build());
		}

		/**
		 * An application validator: refuses tokens that carry {@code "blocked": true}.
		 */
		@Bean
		OAuth2TokenValidator<Jwt> notBlocked() {
			return (jwt) -> Boolean.TRUE.equals(jwt.getClaim("blocked"))
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "blocked", null))
					: OAuth2TokenValidatorResult.success();
		}

		@Bean
		JwkSetUriJwtDecoderBuilderCustomizer alsoRs512() {
			return (builder) -> builder.jwsAlgorithm(SignatureAlgorithm.RS512);
		}

		@RestController
		static class TokenController {

			@NexiosSecured("bearerAuth")
			@GetMapping("/bearer")
			String bearer() {
				return "bearer";
			}

			@NexiosSecured(value = "bearerAuth", optional = true)
			@GetMapping("/optional-bearer")
			String optionalBearer(Authentication authentication) {
				return (authentication instanceof NexiosAuthentication) ? "hello " + authentication.getName() : "anonymous";
			}

			@NexiosSecured(value = "basicAuth", optional = true)
			@GetMapping("/optional-basic")
			String optionalBasic(Authentication authentication) {
				return (authentication instanceof NexiosAuthentication) ? "hello " + authentication.getName() : "anonymous";
			}

			@NexiosSecured("lenientAuth")
			@GetMapping("/lenient")
			String lenient(Authentication authentication) {
				return "lenient " + authentication.getName();
			}

			@NexiosSecured("partnerAuth")
			@GetMapping("/partner")
			String partner() {
				return "partner";
			}

			@NexiosSecured("keyOnlyAuth")
			@GetMapping("/key-only")
			String keyOnly() {
				return "key-only";
			}

			@NexiosSecured("typedAuth")
			@GetMapping("/typed")
			String typed() {
				return "typed";
			}

			@NexiosSecured("jwksAuth")
			@GetMapping("/jwks-scheme")
			String jwks() {
				return "jwks";
			}

			/**
			 * The partner's public key as a JWK Set (RFC 7517 §5), for {@code jwksAuth}.
			 */
			@NexiosPublic
			@GetMapping("/test-jwks")
			Map<String, Object> testJwks() throws IOException {
				try (InputStream in = TokenVerificationTests.class.getClassLoader()
					.getResourceAsStream("enforcement/partner-public.pem")) {
					RSAPublicKey key = RsaKeyConverters.x509().convert(in);
					return new JWKSet(new RSAKey.Builder(key).keyID("partner").build()).toJSONObject();
				}
			}

		}

	}

}
