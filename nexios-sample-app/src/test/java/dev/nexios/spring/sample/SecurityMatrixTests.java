package dev.nexios.spring.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security matrix ({@code /actuator/nexios}) of the sample over real HTTP: it needs what every actuator
 * endpoint but health needs here ({@code oauth2} with scope {@code admin}); it shows every operation of
 * the OpenAPI document with exactly the document's security requirements; and it holds no secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityMatrixTests {

	/** The SHA-256 digests of the demo API keys in application.yml. */
	static final List<String> DIGESTS = List.of("ac5bb3526d3be432ba19fb1fc0712d350c160bd2169cd24401c9fcaeaac2d860",
			"d0c101c2d136134425205af66450a6a73c615f6c7987afebbcbd6976507a7b2e",
			"a7f6757d2b15b7e5bfb790c00f9167276c6e9b8711b397343630e3ad1ba6dbf5");

	@LocalServerPort
	int port;

	SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	private HttpResponse<String> matrix() {
		String admin = this.http.accessToken("admin", "admin-password", null);
		return this.http.get("/actuator/nexios", "Authorization", SampleHttp.bearer(admin));
	}

	@Test
	void needsTheActuatorsRequirements() {
		assertThat(this.http.get("/actuator/nexios").statusCode()).isEqualTo(401);
		String bob = this.http.accessToken("bob", "bob-password", null);
		assertThat(this.http.get("/actuator/nexios", "Authorization", SampleHttp.bearer(bob)).statusCode())
			.isEqualTo(403);
		assertThat(this.http.get("/actuator/nexios", "X-API-KEY", "demo-admin-key").statusCode()).isEqualTo(401);
		assertThat(matrix().statusCode()).isEqualTo(200);
	}

	@Test
	void everyOperationOfTheDocumentHasTheDocumentsRequirements() {
		JsonNode matrix = SampleHttp.json(matrix());
		Map<String, List<String>> byOperation = new HashMap<>();
		matrix.path("operations").forEach((operation) -> operation.path("patterns").forEach((pattern) -> operation
			.path("methods")
			.forEach((method) -> byOperation.computeIfAbsent(method.asString() + " " + path(pattern.asString()),
					(key) -> new ArrayList<>())
				.add(operation.path("requirements").toString()))));
		JsonNode document = SampleHttp.json(this.http.get("/v3/api-docs"));
		JsonNode rootSecurity = document.path("security");
		List<String> compared = new ArrayList<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String key = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
			JsonNode security = operation.getValue().has("security") ? operation.getValue().path("security")
					: rootSecurity;
			assertThat(byOperation.get(key)).as("the matrix's requirements of " + key)
				.containsOnly(security.toString());
			compared.add(key);
		}));
		assertThat(compared).as("operations of the document, each in the matrix").contains("GET /documents",
				"POST /posts", "GET /public", "GET /audit");
		assertThat(byOperation.keySet()).as("operations of the matrix, each in the document")
			.containsExactlyInAnyOrderElementsOf(compared);
	}

	@Test
	void containsNoSecret() {
		String body = matrix().body();
		assertThat(NoSecretsInOutput.leaks(body)).isEmpty();
		assertThat(body).doesNotContain(DIGESTS.toArray(String[]::new))
			.doesNotContain("$2a$", "{bcrypt}", "PRIVATE KEY", "admin-service", "reports-client", "session-user");
		JsonNode apiKeyAuth = SampleHttp.json(body).at("/schemes/apiKeyAuth/verification");
		assertThat(apiKeyAuth.path("method").asString()).isEqualTo("api-keys");
		assertThat(apiKeyAuth.path("configuredKeys").asInt()).isEqualTo(1);
		assertThat(apiKeyAuth.path("store").asString()).isEqualTo("jdbc");
	}

	/**
	 * A mapping pattern as springdoc writes it in the document: without the regular expression of a
	 * path variable ({@code {id:\d+}} becomes {@code {id}}).
	 */
	private static String path(String pattern) {
		return pattern.replaceAll("\\{([^}:]+):[^}]*\\}", "{$1}");
	}

}
