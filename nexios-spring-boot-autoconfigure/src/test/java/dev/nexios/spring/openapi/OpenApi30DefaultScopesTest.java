package dev.nexios.spring.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Default requirements that give a non-OAuth2 scheme scopes, in an OpenAPI 3.0 document: the root
 * {@code security} lists none for it (3.0 allows none), the root {@code x-nexios-security} and the
 * description of the operations that inherit the root requirements show them.
 */
@SpringBootTest(classes = DocsTestApplication.class,
		properties = { "spring.config.name=openapi-docs", "springdoc.api-docs.version=openapi_3_0",
				"nexios.security.default-requirements[0].oauth2=read",
				"nexios.security.default-requirements[1].apiKeyHeader=read,write" })
@AutoConfigureMockMvc
@WithMockUser
class OpenApi30DefaultScopesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void rootRequirementsCarryTheScopesInTheExtension() throws Exception {
		String raw = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		OpenApiDocumentTest.assertValid(raw);
		JsonNode doc = OpenApiDocumentTest.JSON.readTree(raw);
		assertThat(doc.path("openapi").asString()).startsWith("3.0.");
		assertThat(doc.path("security")).isEqualTo(OpenApiDocumentTest.json("[{'oauth2': ['read']}, {'apiKeyHeader': []}]"));
		assertThat(doc.path("x-nexios-security"))
			.isEqualTo(OpenApiDocumentTest.json("[{'oauth2': ['read']}, {'apiKeyHeader': ['read', 'write']}]"));
		JsonNode inheriting = doc.at("/paths/~1ops~1default/get");
		assertThat(inheriting.has("security")).isFalse();
		assertThat(inheriting.path("description").asString()).isEqualTo("Required scopes, which OpenAPI 3.0 cannot"
				+ " list under security (see x-nexios-security): apiKeyHeader with read, write.");
		JsonNode own = doc.at("/paths/~1ops~1single/get");
		assertThat(own.path("security")).isEqualTo(OpenApiDocumentTest.json("[{'bearerAuth': []}]"));
		assertThat(own.has("description")).isFalse();
		assertThat(own.has("x-nexios-security")).isFalse();
	}

}
