package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.NexiosAuthentication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Authorization Server, started on a random port, issues client-credentials tokens; the
 * application, configured only with that server's {@code issuer-uri}, accepts them over real HTTP,
 * answers 403 when a scope is missing and 401 for a token signed by another key. A second scheme checks
 * the same tokens by introspection (RFC 7662) at that server.
 */
class AuthorizationServerTests {

	static final String ADMIN_CLIENT_SECRET = TestSecrets.register("as-admin-client-secret-4c1d9e7a");

	static final String READER_CLIENT_SECRET = TestSecrets.register("as-reader-client-secret-8b2f0a6c");

	static final String RESOURCE_CLIENT_SECRET = TestSecrets.register("as-resource-client-secret-3e5a7c9d");

	static ConfigurableApplicationContext authorizationServer;

	static ConfigurableApplicationContext application;

	static String issuer;

	static String applicationUrl;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		authorizationServer = new SpringApplicationBuilder(AuthorizationServerApplication.class).properties(
				"server.port=0", "spring.config.name=authorization-server", "springdoc.api-docs.enabled=false",
				"springdoc.swagger-ui.enabled=false", "nexios.security.enabled=false")
			.run();
		issuer = "http://localhost:" + port(authorizationServer);
		application = new SpringApplicationBuilder(ResourceApplication.class).properties("server.port=0",
				"spring.config.name=resource-application",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
				"nexios.security.schemes.oauth2.type=oauth2",
				"nexios.security.schemes.oauth2.flows.client-credentials.token-url=" + issuer + "/oauth2/token",
				"nexios.security.schemes.oauth2.flows.client-credentials.scopes.read=Read",
				"nexios.security.schemes.oauth2.flows.client-credentials.scopes.admin=Administer",
				"nexios.security.schemes.introspected.type=http", "nexios.security.schemes.introspected.scheme=bearer",
				"nexios.security.schemes.introspected.opaque-token.introspection-uri=" + issuer + "/oauth2/introspect",
				"nexios.security.schemes.introspected.opaque-token.client-id=resource-server",
				"nexios.security.schemes.introspected.opaque-token.client-secret=" + RESOURCE_CLIENT_SECRET,
				"nexios.security.schemes.jwksAuth.type=http", "nexios.security.schemes.jwksAuth.scheme=bearer",
				"nexios.security.schemes.jwksAuth.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
				"nexios.security.schemes.jwksAuth.jwt.audiences=reader-client",
				"nexios.security.schemes.issuerAuth.type=http", "nexios.security.schemes.issuerAuth.scheme=bearer",
				"nexios.security.schemes.issuerAuth.jwt.issuer-uri=" + issuer)
			.run();
		applicationUrl = "http://localhost:" + port(application);
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		if (authorizationServer != null) {
			authorizationServer.close();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void tokenWithTheScopeIsAccepted() throws Exception {
		String token = clientCredentialsToken("admin-client", ADMIN_CLIENT_SECRET, "read admin");
		HttpResponse<String> response = get("/admin", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("admin-client");
	}

	@Test
	void tokenWithoutTheScopeGets403() throws Exception {
		String token = clientCredentialsToken("reader-client", READER_CLIENT_SECRET, "read");
		assertThat(get("/read", token).statusCode()).isEqualTo(200);
		HttpResponse<String> response = get("/admin", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get()
			.asString()
			.contains("error=\"insufficient_scope\"", "scope=\"admin\"");
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
	}

	@Test
	void tokenSignedByAnotherKeyGets401() throws Exception {
		Instant now = Instant.now();
		String forged = TestTokens.sign(TestTokens.OTHER_KEY, new JWTClaimsSet.Builder().issuer(issuer)
			.subject("admin-client")
			.audience("admin-client")
			.claim("scope", java.util.List.of("read", "admin"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build());
		HttpResponse<String> response = get("/admin", forged);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
		assertThat(response.body()).doesNotContain(forged);
	}

	@Test
	void tokenIsCheckedByIntrospectionForAnIntrospectedScheme() throws Exception {
		String token = clientCredentialsToken("reader-client", READER_CLIENT_SECRET, "read");
		HttpResponse<String> response = get("/introspected", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("read");
		String forged = TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.issuerClaims("reader-client", "read").build());
		assertThat(get("/introspected", forged).statusCode()).isEqualTo(401);
	}

	@Test
	void perSchemeJwkSetUriAndAudienceAreApplied() throws Exception {
		assertThat(get("/jwks", clientCredentialsToken("reader-client", READER_CLIENT_SECRET, "read")).statusCode())
			.isEqualTo(200);
		HttpResponse<String> otherAudience = get("/jwks", clientCredentialsToken("admin-client", ADMIN_CLIENT_SECRET, "read"));
		assertThat(otherAudience.statusCode()).isEqualTo(401);
		assertThat(otherAudience.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
	}

	@Test
	void perSchemeIssuerUriDiscoversTheKeys() throws Exception {
		HttpResponse<String> response = get("/issuer", clientCredentialsToken("reader-client", READER_CLIENT_SECRET, "read"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("issuerAuth");
		String forged = TestTokens.sign(TestTokens.OTHER_KEY, new JWTClaimsSet.Builder().issuer(issuer)
			.subject("reader-client")
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build());
		assertThat(get("/issuer", forged).statusCode()).isEqualTo(401);
	}

	@Test
	void forwardIsCheckedAgainstTheHandlerItReaches() throws Exception {
		HttpResponse<String> anonymous = http.send(
				HttpRequest.newBuilder(URI.create(applicationUrl + "/forward-to-admin")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		String token = clientCredentialsToken("admin-client", ADMIN_CLIENT_SECRET, "admin");
		HttpResponse<String> authenticated = get("/forward-to-admin", token);
		assertThat(authenticated.statusCode()).isEqualTo(200);
		assertThat(authenticated.body()).isEqualTo("admin-client");
	}

	@Test
	void pathVariantsOverRealHttpAreRefusedLikeTheRoute() throws Exception {
		String token = clientCredentialsToken("reader-client", READER_CLIENT_SECRET, "read");
		for (String path : new String[] { "/admin", "/admin/", "/admin;x=y", "//admin", "/%61dmin", "/ADMIN",
				"/./admin", "/read/../admin", "/admin%2F" }) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(applicationUrl + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
			assertThat(response.body()).as(path).doesNotContain("admin-client");
		}
		HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(applicationUrl + "/admin"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(403);
	}

	/**
	 * RFC 9728 §5: a client without a token follows the {@code resource_metadata} of the 401's challenge to
	 * the protected resource metadata, finds the authorization server there, that server's token endpoint in
	 * its own metadata (RFC 8414), and the token it gets is accepted.
	 */
	@Test
	void aClientFindsTheAuthorizationServerThroughTheProtectedResourceMetadata() throws Exception {
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(applicationUrl + "/admin")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
		Matcher metadataUrl = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
		assertThat(metadataUrl.find()).as(challenge).isTrue();
		assertThat(metadataUrl.group(1)).isEqualTo(applicationUrl + "/.well-known/oauth-protected-resource");
		HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(metadataUrl.group(1))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metadata.statusCode()).isEqualTo(200);
		JsonNode members = JsonMapper.builder().build().readTree(metadata.body());
		assertThat(members.get("resource").asString()).isEqualTo(applicationUrl);
		// spring.security.oauth2.resourceserver.jwt.issuer-uri (oauth2) and issuerAuth's jwt.issuer-uri: the same
		assertThat(members.get("authorization_servers").toString()).isEqualTo("[\"" + issuer + "\"]");
		assertThat(members.get("scopes_supported").toString()).isEqualTo("[\"read\",\"admin\"]");
		HttpResponse<String> serverMetadata = http.send(HttpRequest
			.newBuilder(URI.create(members.get("authorization_servers").get(0).asString()
					+ "/.well-known/oauth-authorization-server"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(serverMetadata.statusCode()).isEqualTo(200);
		JsonNode server = JsonMapper.builder().build().readTree(serverMetadata.body());
		assertThat(server.get("issuer").asString()).isEqualTo(issuer);
		assertThat(server.get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
		String token = clientCredentialsToken("admin-client", ADMIN_CLIENT_SECRET, "admin");
		HttpResponse<String> accepted = get("/admin", token);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("admin-client");
	}

	@Test
	void documentationIsOpenByDefault() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(applicationUrl + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(applicationUrl + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String clientCredentialsToken(String clientId, String secret, String scope)
			throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "+")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("token endpoint status").isEqualTo(200);
		Matcher matcher = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(matcher.find()).isTrue();
		return TestSecrets.registerToken(matcher.group(1));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AuthorizationServerApplication {

		@Bean
		SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		@Bean
		RegisteredClientRepository registeredClients() {
			return new InMemoryRegisteredClientRepository(client("admin-client", ADMIN_CLIENT_SECRET, "read", "admin"),
					client("reader-client", READER_CLIENT_SECRET, "read"),
					client("resource-server", RESOURCE_CLIENT_SECRET, "read"));
		}

		private static RegisteredClient client(String id, String secret, String... scopes) {
			RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(id)
				.clientSecret("{noop}" + secret)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
			for (String scope : scopes) {
				builder.scope(scope);
			}
			return builder.build();
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
				.privateKey((RSAPrivateKey) keyPair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ ResourceApplication.ResourceController.class, ResourceApplication.ForwardingController.class })
	static class ResourceApplication {

		@Controller
		static class ForwardingController {

			@NexiosPublic
			@GetMapping("/forward-to-admin")
			String forward() {
				return "forward:/admin";
			}

		}

		@RestController
		static class ResourceController {

			@NexiosSecured(value = "oauth2", scopes = "admin")
			@GetMapping("/admin")
			String admin(NexiosAuthentication user) {
				return user.getName();
			}

			@NexiosSecured(value = "oauth2", scopes = "read")
			@GetMapping("/read")
			String read() {
				return "read";
			}

			@NexiosSecured("jwksAuth")
			@GetMapping("/jwks")
			String jwks() {
				return "jwks";
			}

			@NexiosSecured("issuerAuth")
			@GetMapping("/issuer")
			String issuer(NexiosAuthentication user) {
				return String.join(",", user.getSchemes());
			}

			@NexiosSecured(value = "introspected", scopes = "read")
			@GetMapping("/introspected")
			String introspected(NexiosAuthentication user) {
				return String.join(" ", user.getScopes());
			}

		}

	}

}
