package dev.nexios.spring.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same document with {@code springdoc.api-docs.version=openapi_3_0}: every assertion of
 * {@link OpenApiDocumentTest} holds, and the document is valid OpenAPI 3.0; except that OpenAPI 3.0
 * allows scopes in {@code security} only for {@code oauth2} and {@code openIdConnect} schemes, so the
 * scopes of other schemes are shown in {@code x-nexios-security} and in the description.
 */
@SpringBootTest(classes = DocsTestApplication.class,
		properties = { "spring.config.name=openapi-docs", "springdoc.api-docs.version=openapi_3_0" })
class OpenApi30DocumentTest extends OpenApiDocumentTest {

	@Override
	String expectedVersion() {
		return "3.0.";
	}

	@Override
	@Test
	void scopesOfEverySchemeTypeAreListedInSecurity() {
		JsonNode roles = operation("/ops/roles");
		assertThat(roles.path("security")).isEqualTo(json("""
				[{'apiKeyHeader': []}, {'bearerAuth': [], 'oauth2': ['read']}, {'oidc': ['profile']}]"""));
		assertThat(roles.path("x-nexios-security")).isEqualTo(json("""
				[{'apiKeyHeader': ['read']}, {'bearerAuth': ['admin', 'audit'], 'oauth2': ['read']}, {'oidc': ['profile']}]"""));
		assertThat(roles.path("description").asString()).isEqualTo("Required scopes, which OpenAPI 3.0 cannot list"
				+ " under security (see x-nexios-security): apiKeyHeader with read; or bearerAuth with admin, audit.");
		JsonNode basic = operation("/ops/basic-roles");
		assertThat(basic.path("security")).isEqualTo(json("[{'basicAuth': []}]"));
		assertThat(basic.path("x-nexios-security")).isEqualTo(json("[{'basicAuth': ['admin']}]"));
		assertThat(basic.path("description").asString()).isEqualTo("Basic with a scope.\n\nRequired scopes, which"
				+ " OpenAPI 3.0 cannot list under security (see x-nexios-security): basicAuth with admin.");
		// requirements without such scopes are written as in 3.1
		assertThat(operation("/ops/mixed").has("x-nexios-security")).isFalse();
		assertThat(operation("/ops/mixed").has("description")).isFalse();
		assertThat(this.doc.has("x-nexios-security")).isFalse();
	}

}
