package dev.nexios.spring.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's OAuth 2.0 Protected Resource Metadata (RFC 9728), over real HTTP: public, derived from
 * the declaration in {@code application.yml}, in agreement with the OpenAPI document, and named by the
 * {@code Bearer} challenge of a 401.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProtectedResourceMetadataTests {

	@LocalServerPort
	int port;

	SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void metadataFollowsTheDeclaration() {
		HttpResponse<String> response = this.http.get("/.well-known/oauth-protected-resource");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode metadata = SampleHttp.json(response);
		assertThat(metadata.get("resource").asString()).isEqualTo(this.http.baseUrl());
		assertThat(metadata.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
		assertThat(metadata.get("resource_name").asString()).isEqualTo("Nexios sample API");
		assertThat(metadata.get("resource_documentation").asString()).isEqualTo(this.http.baseUrl() + "/swagger-ui.html");
		// the demo token endpoint is no authorization server: none is listed
		assertThat(metadata.has("authorization_servers")).isFalse();
		// oauth2's password flow declares read, write and admin
		List<String> scopes = new ArrayList<>();
		metadata.get("scopes_supported").forEach((scope) -> scopes.add(scope.asString()));
		assertThat(scopes).startsWith("read", "write", "admin");
		assertThat(scopes).containsExactlyInAnyOrderElementsOf(documentedBearerScopes());
	}

	/**
	 * The scopes of the document's bearer-token schemes: those of their flows and those that the
	 * document's requirements name for them.
	 */
	private Set<String> documentedBearerScopes() {
		JsonNode document = SampleHttp.json(this.http.get("/v3/api-docs"));
		Set<String> bearerSchemes = new HashSet<>();
		Set<String> scopes = new LinkedHashSet<>();
		document.at("/components/securitySchemes").properties().forEach((scheme) -> {
			JsonNode definition = scheme.getValue();
			String type = definition.path("type").asString();
			if (type.equals("oauth2") || type.equals("openIdConnect")
					|| (type.equals("http") && definition.path("scheme").asString().equalsIgnoreCase("bearer"))) {
				bearerSchemes.add(scheme.getKey());
				definition.path("flows").forEach((flow) -> scopes.addAll(flow.path("scopes").propertyNames()));
			}
		});
		List<JsonNode> requirements = new ArrayList<>();
		document.path("security").forEach(requirements::add);
		document.path("paths").forEach((path) -> path.forEach((operation) -> operation.path("security")
			.forEach(requirements::add)));
		requirements.forEach((requirement) -> requirement.properties().forEach((entry) -> {
			if (bearerSchemes.contains(entry.getKey())) {
				entry.getValue().forEach((scope) -> scopes.add(scope.asString()));
			}
		}));
		assertThat(bearerSchemes).contains("bearerAuth", "jwtAuth", "oauth2");
		return scopes;
	}

	@Test
	void a401OnABearerOperationNamesTheMetadata() {
		HttpResponse<String> refused = this.http.get("/private");
		assertThat(refused.statusCode()).isEqualTo(401);
		String expected = "resource_metadata=\"" + this.http.baseUrl() + "/.well-known/oauth-protected-resource\"";
		assertThat(refused.headers().allValues("WWW-Authenticate")).filteredOn((c) -> c.startsWith("Bearer"))
			.isNotEmpty()
			.allSatisfy((challenge) -> assertThat(challenge).endsWith(expected));
		HttpResponse<String> invalid = this.http.get("/private", "Authorization", "Bearer not-a-token");
		assertThat(invalid.statusCode()).isEqualTo(401);
		assertThat(invalid.headers().allValues("WWW-Authenticate")).filteredOn((c) -> c.startsWith("Bearer"))
			.singleElement()
			.asString()
			.contains("error=\"invalid_token\"")
			.endsWith(", " + expected);
	}

}
