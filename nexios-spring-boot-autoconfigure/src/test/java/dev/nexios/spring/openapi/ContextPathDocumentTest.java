package dev.nexios.spring.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server under {@code server.servlet.context-path=/app}: Swagger UI resolves root-relative
 * OAuth2 URLs against the origin, so the document carries them with the context path. Also runs with
 * {@code nexios.security.openapi.error-responses=false} and a redefined {@code bearerAuth}.
 */
@SpringBootTest(classes = DocsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=openapi-docs", "server.servlet.context-path=/app",
				"nexios.security.openapi.error-responses=false",
				"nexios.security.schemes.bearerAuth.type=http", "nexios.security.schemes.bearerAuth.scheme=bearer",
				"nexios.security.schemes.bearerAuth.bearer-format=opaque",
				// credentials for Spring Boot's default security, as long as no other chain serves the docs
				"spring.security.user.name=docs", "spring.security.user.password=docs" })
class ContextPathDocumentTest {

	@LocalServerPort
	int port;

	JsonNode fetch(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("docs:docs".getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		OpenApiDocumentTest.assertValid(response.body());
		return OpenApiDocumentTest.JSON.readTree(response.body());
	}

	@Test
	void rootRelativeUrlsGetTheContextPath() throws Exception {
		JsonNode flows = fetch("/app/v3/api-docs").path("components").path("securitySchemes").path("oauth2").path("flows");
		assertThat(flows.path("password")).isEqualTo(OpenApiDocumentTest.json("""
				{'tokenUrl': '/app/auth/token', 'refreshUrl': '/app/auth/refresh',
				 'scopes': {'read': 'Read access', 'write': 'Write access'}}"""));
		assertThat(flows.path("authorizationCode").path("tokenUrl").asString())
			.isEqualTo("https://issuer.example/oauth2/token");
	}

	@Test
	void redefinedBearerAuthReplacesTheDefault() throws Exception {
		assertThat(fetch("/app/v3/api-docs").path("components").path("securitySchemes").path("bearerAuth"))
			.isEqualTo(OpenApiDocumentTest.json("{'type': 'http', 'scheme': 'bearer', 'bearerFormat': 'opaque'}"));
	}

	@Test
	void errorResponsesCanBeTurnedOff() throws Exception {
		JsonNode doc = fetch("/app/v3/api-docs");
		JsonNode responses = doc.path("paths").path("/ops/scopes").path("get").path("responses");
		assertThat(responses.has("200")).isTrue();
		assertThat(responses.has("401")).isFalse();
		assertThat(responses.has("403")).isFalse();
		assertThat(doc.path("paths").path("/ops/scopes").path("get").path("security"))
			.isEqualTo(OpenApiDocumentTest.json("[{'oauth2': ['read', 'write']}]"));
		assertThat(doc.path("components").path("schemas").has("ProblemDetail")).isFalse();
	}

}
