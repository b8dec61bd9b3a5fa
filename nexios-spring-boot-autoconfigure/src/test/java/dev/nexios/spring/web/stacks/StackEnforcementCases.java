package dev.nexios.spring.web.stacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nexios.spring.web.servlet.TestSecrets;
import dev.nexios.spring.web.servlet.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One set of enforcement cases, run through a real server on each stack (Tomcat with Spring MVC,
 * Reactor Netty with WebFlux): the same request gets the same status, the same challenges and a
 * problem+json body on both. Each subclass starts one application.
 */
abstract class StackEnforcementCases {

	private static final String BASIC_CHALLENGE = "Basic realm=\"basicAuth\", charset=\"UTF-8\"";

	private static final String API_KEY_CHALLENGE = "ApiKey in=\"header\", name=\"X-API-KEY\"";

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Value("${local.server.port}")
	int port;

	/**
	 * One request and what both stacks answer.
	 *
	 * @param name what the case shows
	 * @param method the request method
	 * @param path the raw path and query
	 * @param headers the request headers, name and value alternating
	 * @param status the expected status
	 * @param challenges the expected {@code WWW-Authenticate} values, in order; {@code null} to not check
	 * @param body a text the body must contain; for a refusal, its problem details
	 */
	record Case(String name, String method, String path, List<String> headers, int status, List<String> challenges,
			String body) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case> cases() {
		String token = TestTokens.issuerToken("alice", null);
		String readToken = TestTokens.issuerToken("alice", "read");
		String adminToken = TestTokens.issuerToken("alice", "admin");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String wrongBasic = "Basic " + Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8));
		List<Case> cases = new ArrayList<>();
		cases.add(refused("no credential for a bearer operation", "GET", "/single", List.of(), 401, List.of("Bearer")));
		cases.add(ok("a valid token", "GET", "/single", List.of("Authorization", "Bearer " + token), "single"));
		cases.add(refused("an invalid token", "GET", "/single", List.of("Authorization", "Bearer abc.def.ghi"), 401,
				List.of("Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or not accepted\"")));
		cases.add(refused("a malformed bearer credential", "GET", "/single", List.of("Authorization", "Bearer a b"), 401,
				List.of("Bearer error=\"invalid_token\", error_description=\"The access token is malformed\"")));
		cases.add(refused("several Authorization headers", "GET", "/single",
				List.of("Authorization", "Bearer " + token, "Authorization", "Bearer " + token), 400, List.of()));
		cases.add(ok("either scheme: an API key", "GET", "/or", List.of("X-API-KEY", TestSecrets.REPORTS_KEY), "or"));
		cases.add(refused("either scheme: none", "GET", "/or", List.of(), 401, List.of("Bearer", API_KEY_CHALLENGE)));
		cases.add(refused("both schemes: one sent", "GET", "/and", List.of("Authorization", "Bearer " + token), 401,
				List.of("Bearer", API_KEY_CHALLENGE)));
		cases.add(ok("both schemes: both sent", "GET", "/and",
				List.of("Authorization", "Bearer " + token, "X-API-KEY", TestSecrets.REPORTS_KEY), "and"));
		cases.add(refused("a scope not granted", "GET", "/admin", List.of("Authorization", "Bearer " + readToken), 403,
				List.of("Bearer error=\"insufficient_scope\", error_description=\"The request requires higher privileges "
						+ "than provided by the access token\", scope=\"admin\"")));
		cases.add(ok("the scope granted", "GET", "/admin", List.of("Authorization", "Bearer " + adminToken), "admin"));
		cases.add(ok("optional: anonymous", "GET", "/optional", List.of(), "optional"));
		cases.add(refused("optional: an invalid token", "GET", "/optional", List.of("Authorization", "Bearer abc"), 401,
				List.of("Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or not accepted\"")));
		cases.add(ok("public: credentials ignored", "GET", "/public", List.of("Authorization", "Bearer abc"), "public"));
		cases.add(refused("undeclared: the default requirements", "GET", "/default", List.of(), 401, List.of(BASIC_CHALLENGE)));
		cases.add(ok("undeclared: basic", "GET", "/default", List.of("Authorization", basic), "default"));
		cases.add(refused("basic: a wrong password", "GET", "/basic", List.of("Authorization", wrongBasic), 401,
				List.of(BASIC_CHALLENGE)));
		cases.add(refused("an invalid API key", "GET", "/reports", List.of("X-API-KEY", TestSecrets.UNKNOWN_KEY), 401,
				List.of(API_KEY_CHALLENGE + ", error=\"invalid_key\"")));
		cases.add(ok("an API key with its scope", "GET", "/reports", List.of("X-API-KEY", TestSecrets.REPORTS_KEY), "reports"));
		cases.add(refused("cross-site: basic", "POST", "/transfer",
				List.of("Authorization", basic, "Sec-Fetch-Site", "cross-site"), 403, List.of()));
		cases.add(ok("cross-site: a bearer token", "POST", "/transfer",
				List.of("Authorization", "Bearer " + token, "Sec-Fetch-Site", "cross-site"), "transfer"));
		cases.add(ok("same-site: basic", "POST", "/transfer", List.of("Authorization", basic, "Sec-Fetch-Site", "same-origin"),
				"transfer"));
		cases.add(refused("cross-site: a cookie API key", "POST", "/cookie",
				List.of("Cookie", "API_KEY=" + TestSecrets.COOKIE_KEY, "Sec-Fetch-Site", "cross-site"), 403, List.of()));
		cases.add(ok("a cookie API key", "POST", "/cookie", List.of("Cookie", "API_KEY=" + TestSecrets.COOKIE_KEY), "cookie"));
		cases.add(refused("HEAD without a credential", "HEAD", "/items/1", List.of(), 401, List.of("Bearer")));
		cases.add(ok("HEAD with a token", "HEAD", "/items/1", List.of("Authorization", "Bearer " + token), ""));
		cases.add(ok("a path variable", "GET", "/items/1", List.of("Authorization", "Bearer " + token), "item 1"));
		cases.add(ok("a static file that exists is public", "GET", "/public-file.txt", List.of(), "a public file"));
		cases.add(refused("a missing static file is closed: no route is told from a secured one", "GET", "/nope.txt",
				List.of(), 401, List.of(BASIC_CHALLENGE)));
		cases.add(refused("a functional endpoint: the default requirements", "GET", "/fn", List.of(), 401,
				List.of(BASIC_CHALLENGE)));
		cases.add(ok("a functional endpoint with basic", "GET", "/fn", List.of("Authorization", basic), "fn"));
		cases.add(ok("actuator health: public", "GET", "/actuator/health", List.of(), "UP"));
		cases.add(refused("actuator env: the default requirements", "GET", "/actuator/env", List.of(), 401,
				List.of(BASIC_CHALLENGE)));
		cases.add(ok("actuator env with basic", "GET", "/actuator/env", List.of("Authorization", basic), "propertySources"));
		cases.add(ok("the OpenAPI document: public by default", "GET", "/v3/api-docs", List.of(), "\"bearerAuth\""));
		cases.add(ok("Swagger UI: public by default", "GET", "/swagger-ui/index.html", List.of(), "swagger-ui"));
		cases.add(ok("Swagger UI's initializer: public by default", "GET", "/swagger-ui/swagger-initializer.js", List.of(),
				"/v3/api-docs/swagger-config"));
		cases.add(new Case("CORS preflight: the application's answer", "OPTIONS", "/single",
				List.of("Origin", "https://app.example", "Access-Control-Request-Method", "GET",
						"Access-Control-Request-Headers", "Authorization"),
				200, List.of(), null));
		cases.add(new Case("CORS preflight: another origin", "OPTIONS", "/single",
				List.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"), 403, List.of(), null));
		return cases.stream();
	}

	private static Case refused(String name, String method, String path, List<String> headers, int status,
			List<String> challenges) {
		return new Case(name, method, path, headers, status, challenges, "\"status\":" + status);
	}

	private static Case ok(String name, String method, String path, List<String> headers, String body) {
		return new Case(name, method, path, headers, 200, null, body);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void sameAnswerOnEveryStack(Case request) throws Exception {
		HttpResponse<String> response = send(request.method(), request.path(), (builder) -> {
			for (int i = 0; i < request.headers().size(); i += 2) {
				builder.header(request.headers().get(i), request.headers().get(i + 1));
			}
			return builder;
		});
		assertThat(response.statusCode()).as("status of %s %s", request.method(), request.path())
			.isEqualTo(request.status());
		if (request.challenges() != null) {
			List<String> expected = (request.status() == 401) ? withResourceMetadata(request.challenges())
					: request.challenges();
			assertThat(response.headers().allValues("WWW-Authenticate")).isEqualTo(expected);
		}
		if (request.status() >= 400 && request.body() != null) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		}
		if (request.body() != null && !"HEAD".equals(request.method())) {
			assertThat(response.body()).contains(request.body());
		}
	}

	/**
	 * The challenges of a {@code 401}: the {@code Bearer} ones name the protected resource metadata
	 * (RFC 9728 §5.1).
	 */
	private List<String> withResourceMetadata(List<String> challenges) {
		String parameter = "resource_metadata=\"" + metadataUrl() + "\"";
		return challenges.stream()
			.map((challenge) -> challenge.equals("Bearer") ? "Bearer " + parameter
					: challenge.startsWith("Bearer ") ? challenge + ", " + parameter : challenge)
			.toList();
	}

	private String metadataUrl() {
		return "http://localhost:" + this.port + "/.well-known/oauth-protected-resource";
	}

	@Test
	void protectedResourceMetadataIsPublicAndDerivedFromTheDeclaration() throws Exception {
		HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", UnaryOperator.identity());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		JsonNode metadata = new ObjectMapper().readTree(response.body());
		assertThat(metadata.properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("resource", "authorization_servers", "scopes_supported",
					"bearer_methods_supported", "resource_name");
		// RFC 9728 §3.3: the URL the metadata was fetched from, without the well-known part
		assertThat(metadata.get("resource").asText()).isEqualTo("http://localhost:" + this.port);
		// stacks.yml: the issuer of tokens verified with a public key is configured
		assertThat(metadata.get("authorization_servers").toString()).isEqualTo("[\"https://issuer.example\"]");
		// the flows of oauth2 declare read and admin; /admin requires oauth2 admin; apiKeyAuth's reports is
		// not a bearer-token scope
		assertThat(metadata.get("scopes_supported").toString()).isEqualTo("[\"read\",\"admin\"]");
		assertThat(metadata.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
		assertThat(metadata.get("resource_name").asText()).isEqualTo("Nexios stack tests");
		// also with a credential that would be refused: discovery metadata ignores credentials
		assertThat(send("GET", "/.well-known/oauth-protected-resource",
				(builder) -> builder.header("Authorization", "Bearer abc")).statusCode()).isEqualTo(200);
	}

	@Test
	void protectedResourceMetadataAgreesWithTheDocument() throws Exception {
		JsonNode document = new ObjectMapper().readTree(send("GET", "/v3/api-docs", UnaryOperator.identity()).body());
		JsonNode metadata = new ObjectMapper()
			.readTree(send("GET", "/.well-known/oauth-protected-resource", UnaryOperator.identity()).body());
		// the scopes of the bearer-token schemes: declared by their flows and named by requirements
		java.util.Set<String> bearerSchemes = new java.util.HashSet<>();
		java.util.Set<String> scopes = new java.util.LinkedHashSet<>();
		document.at("/components/securitySchemes").properties().forEach((scheme) -> {
			JsonNode definition = scheme.getValue();
			String type = definition.path("type").asText();
			if (type.equals("oauth2") || type.equals("openIdConnect")
					|| (type.equals("http") && definition.path("scheme").asText().equalsIgnoreCase("bearer"))) {
				bearerSchemes.add(scheme.getKey());
				definition.path("flows").forEach((flow) -> flow.path("scopes").fieldNames().forEachRemaining(scopes::add));
			}
		});
		List<JsonNode> requirements = new ArrayList<>();
		document.path("security").forEach(requirements::add);
		document.path("paths").forEach((path) -> path.forEach((operation) -> operation.path("security")
			.forEach(requirements::add)));
		requirements.forEach((requirement) -> requirement.properties().forEach((entry) -> {
			if (bearerSchemes.contains(entry.getKey())) {
				entry.getValue().forEach((scope) -> scopes.add(scope.asText()));
			}
		}));
		List<String> supported = new ArrayList<>();
		metadata.get("scopes_supported").forEach((scope) -> supported.add(scope.asText()));
		assertThat(supported).containsExactlyInAnyOrderElementsOf(scopes);
		assertThat(document.at("/paths").has("/.well-known/oauth-protected-resource")).isFalse();
	}

	@Test
	void a401NamesTheMetadataItsBearerChallengeBelongsTo() throws Exception {
		HttpResponse<String> refused = send("GET", "/single", UnaryOperator.identity());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues("WWW-Authenticate"))
			.containsExactly("Bearer resource_metadata=\"" + metadataUrl() + "\"");
		// the URL it names answers with the metadata of this resource
		HttpResponse<String> metadata = this.client.send(HttpRequest.newBuilder(URI.create(metadataUrl())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(new ObjectMapper().readTree(metadata.body()).get("resource").asText())
			.isEqualTo("http://localhost:" + this.port);
		// a 401 of a scheme that is not a bearer-token one names nothing; a 403 names nothing
		assertThat(send("GET", "/basic", UnaryOperator.identity()).headers().allValues("WWW-Authenticate"))
			.noneMatch((challenge) -> challenge.contains("resource_metadata"));
		HttpResponse<String> forbidden = send("GET", "/admin",
				(builder) -> builder.header("Authorization", "Bearer " + TestTokens.issuerToken("alice", "read")));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.headers().allValues("WWW-Authenticate"))
			.noneMatch((challenge) -> challenge.contains("resource_metadata"));
	}

	@Test
	void theDocumentHasTheSameSchemesRequirementsAndErrorResponses() throws Exception {
		HttpResponse<String> response = send("GET", "/v3/api-docs", UnaryOperator.identity());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = new ObjectMapper().readTree(response.body());
		assertThat(document.at("/components/securitySchemes").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("bearerAuth", "oauth2", "basicAuth", "apiKeyAuth", "cookieKey");
		assertThat(document.at("/security").toString()).isEqualTo("[{\"basicAuth\":[]}]");
		assertThat(document.at("/paths/~1single/get/security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
		assertThat(document.at("/paths/~1or/get/security").toString())
			.isEqualTo("[{\"bearerAuth\":[]},{\"apiKeyAuth\":[]}]");
		assertThat(document.at("/paths/~1and/get/security").toString())
			.isEqualTo("[{\"bearerAuth\":[],\"apiKeyAuth\":[]}]");
		assertThat(document.at("/paths/~1admin/get/security").toString()).isEqualTo("[{\"oauth2\":[\"admin\"]}]");
		assertThat(document.at("/paths/~1public/get/security").toString()).isEqualTo("[]");
		assertThat(document.at("/paths/~1optional/get/security").toString()).isEqualTo("[{\"bearerAuth\":[]},{}]");
		assertThat(document.at("/paths/~1single/get/responses/401").isMissingNode()).isFalse();
		assertThat(document.at("/paths/~1admin/get/responses/403").isMissingNode()).isFalse();
		assertThat(document.at("/paths/~1public/get/responses/401").isMissingNode()).isTrue();
	}

	@Test
	void corsPreflightCarriesTheApplicationsCorsHeadersAndNoChallenge() throws Exception {
		HttpResponse<String> allowed = send("OPTIONS", "/single",
				(builder) -> builder.header("Origin", "https://app.example")
					.header("Access-Control-Request-Method", "GET")
					.header("Access-Control-Request-Headers", "Authorization"));
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		assertThat(allowed.headers().allValues("WWW-Authenticate")).isEmpty();
		HttpResponse<String> refused = send("OPTIONS", "/single", (builder) -> builder.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET"));
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(refused.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void refusedCrossOriginRequestStillCarriesCorsHeaders() throws Exception {
		HttpResponse<String> response = send("GET", "/single", (builder) -> builder.header("Origin", "https://app.example"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
	}

	@ParameterizedTest
	@MethodSource("pathVariants")
	void variantsOfASecuredPathAreNotServed(String path) throws Exception {
		HttpResponse<String> response = send("GET", path, UnaryOperator.identity());
		assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
		assertThat(response.body()).doesNotContain("item 1");
	}

	static Stream<String> pathVariants() {
		return Stream.of("/items/1/", "/items;a=b/1", "/items/1;jsessionid=x", "//items/1", "/items//1", "/%69tems/1",
				"/items%2F1", "/items/..%2Fitems/1", "/ITEMS/1", "/Items/1");
	}

	@Test
	void badInputGetsAClean401() throws Exception {
		for (String value : new String[] { "Bearer", "Bearer ", "Bearer ###", "Bearer a.b.c",
				"Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "Basic", "Basic ===", "Negotiate abc" }) {
			HttpResponse<String> response = send("GET", "/or", (builder) -> builder.header("Authorization", value));
			assertThat(response.statusCode()).as(value.length() > 40 ? value.substring(0, 40) : value).isEqualTo(401);
		}
		for (String key : new String[] { "k".repeat(5000), "" }) {
			assertThat(send("GET", "/or", (builder) -> builder.header("X-API-KEY", key)).statusCode()).isEqualTo(401);
		}
		assertThat(send("GET", "/or", (builder) -> builder.header("X-API-KEY", TestSecrets.REPORTS_KEY)
			.header("X-API-KEY", TestSecrets.REPORTS_KEY)).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> send(String method, String path, UnaryOperator<HttpRequest.Builder> customizer)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, HttpRequest.BodyPublishers.noBody());
		return this.client.send(customizer.apply(builder).build(), HttpResponse.BodyHandlers.ofString());
	}

}
