package dev.nexios.spring.web.stacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.nexios.spring.web.servlet.TestSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security matrix endpoint ({@code /actuator/nexios}) through a real server on each stack: closed to
 * anonymous requests like every actuator endpoint but {@code health}, and, for a caller who satisfies
 * the actuator's requirements ({@code basicAuth}, the default requirements of {@code stacks.yml}), every
 * operation with its requirements and their source, and every scheme with how it is verified, without a
 * secret. Each subclass uses the application of the shared enforcement cases.
 */
abstract class SecurityMatrixCases {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Value("${local.server.port}")
	int port;

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode matrix() throws Exception {
		HttpResponse<String> response = get("/actuator/nexios", "Authorization", basic());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private static JsonNode operation(JsonNode matrix, String pattern) {
		List<JsonNode> found = new ArrayList<>();
		matrix.path("operations").forEach((operation) -> {
			if (operation.path("patterns").get(0).asString().equals(pattern)) {
				found.add(operation);
			}
		});
		assertThat(found).as("operations with pattern " + pattern).hasSize(1);
		return found.get(0);
	}

	@Test
	void anonymousRequestsAreRefused() throws Exception {
		HttpResponse<String> response = get("/actuator/nexios");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("operations");
		assertThat(get("/actuator/nexios", "Authorization", "Basic "
				+ Base64.getEncoder().encodeToString(("alice:" + TestSecrets.WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void listsEveryOperationWithItsRequirementsAndTheirSource() throws Exception {
		JsonNode matrix = matrix();
		assertThat(matrix.path("operations")).hasSize(12);
		JsonNode admin = operation(matrix, "/admin");
		assertThat(admin.path("methods").toString()).isEqualTo("[\"GET\"]");
		assertThat(admin.path("handler").asString()).isEqualTo("StackControllers#admin");
		assertThat(admin.path("access").asString()).isEqualTo("secured");
		assertThat(admin.path("requirements").toString()).isEqualTo("[{\"oauth2\":[\"admin\"]}]");
		assertThat(admin.path("source").asString()).isEqualTo("method-annotation");
		assertThat(admin.path("annotation").asString()).isEqualTo("@NexiosSecured");
		assertThat(operation(matrix, "/and").path("requirements").toString())
			.isEqualTo("[{\"bearerAuth\":[],\"apiKeyAuth\":[]}]");
		assertThat(operation(matrix, "/or").path("requirements").toString())
			.isEqualTo("[{\"bearerAuth\":[]},{\"apiKeyAuth\":[]}]");
		JsonNode optional = operation(matrix, "/optional");
		assertThat(optional.path("access").asString()).isEqualTo("optional");
		assertThat(optional.path("requirements").toString()).isEqualTo("[{\"bearerAuth\":[]},{}]");
		JsonNode open = operation(matrix, "/public");
		assertThat(open.path("access").asString()).isEqualTo("public");
		assertThat(open.path("requirements")).isEmpty();
		assertThat(open.path("annotation").asString()).isEqualTo("@NexiosPublic");
		JsonNode undeclared = operation(matrix, "/default");
		assertThat(undeclared.path("source").asString()).isEqualTo("default-requirements");
		assertThat(undeclared.path("requirements").toString()).isEqualTo("[{\"basicAuth\":[]}]");
		assertThat(undeclared.path("annotation").isNull() || undeclared.path("annotation").isMissingNode()).isTrue();
		assertThat(operation(matrix, "/items/{id}").path("handler").asString()).isEqualTo("StackControllers#item");
		assertThat(operation(matrix, "/transfer").path("methods").toString()).isEqualTo("[\"POST\"]");
		assertThat(matrix.path("operations").toString()).as("functional endpoints are not handler methods")
			.doesNotContain("/fn");
	}

	@Test
	void listsEverySchemeWithHowItIsVerified() throws Exception {
		JsonNode schemes = matrix().path("schemes");
		assertThat(schemes.propertyNames()).containsExactly("bearerAuth", "oauth2", "basicAuth", "apiKeyAuth", "cookieKey");
		JsonNode bearer = schemes.path("bearerAuth");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.at("/verification/method").asString()).isEqualTo("application-jwt-decoder");
		assertThat(bearer.at("/verification/source").asString()).isEqualTo("spring.security.oauth2.resourceserver.jwt");
		assertThat(bearer.at("/verification/publicKeyLocation").asString())
			.isEqualTo("classpath:enforcement/issuer-public.pem");
		assertThat(bearer.at("/verification/audiences").toString()).isEqualTo("[\"nexios-api\"]");
		JsonNode oauth2 = schemes.path("oauth2");
		assertThat(oauth2.path("flows").toString()).isEqualTo("[\"clientCredentials\"]");
		assertThat(oauth2.path("scopes").toString()).isEqualTo("[\"read\",\"admin\"]");
		assertThat(schemes.at("/basicAuth/verification/method").asString()).isEqualTo("user-details-service");
		JsonNode apiKey = schemes.path("apiKeyAuth");
		assertThat(apiKey.path("in").asString()).isEqualTo("header");
		assertThat(apiKey.path("name").asString()).isEqualTo("X-API-KEY");
		assertThat(apiKey.at("/verification/method").asString()).isEqualTo("api-keys");
		assertThat(apiKey.at("/verification/configuredKeys").asInt()).isEqualTo(1);
		assertThat(schemes.at("/cookieKey/in").asString()).isEqualTo("cookie");
	}

	@Test
	void showsWhatAppliesBesideTheOperations() throws Exception {
		JsonNode matrix = matrix();
		assertThat(matrix.path("publicByDefault").asBoolean()).isFalse();
		assertThat(matrix.path("defaultRequirements").toString()).isEqualTo("[{\"basicAuth\":[]}]");
		assertThat(matrix.path("docsRequirements")).isEmpty();
		assertThat(matrix.at("/actuator/requirements").toString()).isEqualTo("[{\"basicAuth\":[]}]");
		assertThat(matrix.at("/actuator/publicEndpoints").toString()).isEqualTo("[\"health\"]");
	}

	@Test
	void containsNoSecret() throws Exception {
		String body = get("/actuator/nexios", "Authorization", basic()).body();
		// the SHA-256 digests of the configured keys, the principals they map to, the keys and the password
		assertThat(body).doesNotContain("ff168c9eb2bc153a7ba2d64685034566c63656421ec3e31fde88f87b459f34eb",
				"12c911890e9cc5215d8d2078dcd8e61ed0ebdf86b012689953fff96b4d83f540", "sha256", "principal",
				"reports-service", "cookie-client");
		assertThat(body).doesNotContain(TestSecrets.REPORTS_KEY, TestSecrets.COOKIE_KEY, TestSecrets.PASSWORD);
	}

}
