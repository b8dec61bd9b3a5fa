package dev.nexios.spring.openapi;

import org.junit.jupiter.api.Test;
import org.springdoc.core.models.GroupedOpenApi;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Springdoc groups: every group's document carries the declaration (the customizers are springdoc's
 * global ones, which apply to every group).
 */
@SpringBootTest(classes = { DocsTestApplication.class, GroupedDocumentTest.Groups.class },
		properties = "spring.config.name=openapi-docs")
@AutoConfigureMockMvc
@WithMockUser
class GroupedDocumentTest {

	@Autowired
	MockMvc mvc;

	JsonNode fetch(String path) throws Exception {
		String json = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		OpenApiDocumentTest.assertValid(json);
		return OpenApiDocumentTest.JSON.readTree(json);
	}

	@Test
	void everyGroupCarriesTheDeclaration() throws Exception {
		JsonNode classGroup = fetch("/v3/api-docs/class");
		assertThat(classGroup.path("paths").propertyNames()).containsExactlyInAnyOrder("/class/inherited",
				"/class/override", "/class/public");
		assertThat(classGroup.path("components").path("securitySchemes").propertyNames()).contains("bearerAuth",
				"apiKeyHeader", "oauth2", "jwtAuth");
		assertThat(classGroup.path("security"))
			.isEqualTo(OpenApiDocumentTest.json("[{'oauth2': ['read']}, {'bearerAuth': []}, {}]"));
		assertThat(classGroup.path("paths").path("/class/inherited").path("get").path("security"))
			.isEqualTo(OpenApiDocumentTest.json("[{'apiKeyHeader': []}]"));
		assertThat(classGroup.path("paths").path("/class/public").path("get").path("security"))
			.isEqualTo(OpenApiDocumentTest.json("[]"));
		JsonNode opsGroup = fetch("/v3/api-docs/ops");
		assertThat(opsGroup.path("paths").path("/ops/scopes").path("get").path("security"))
			.isEqualTo(OpenApiDocumentTest.json("[{'oauth2': ['read', 'write']}]"));
		assertThat(opsGroup.path("paths").path("/ops/scopes").path("get").path("responses").has("403")).isTrue();
		assertThat(opsGroup.path("components").path("schemas").has("ProblemDetail")).isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Groups {

		@Bean
		GroupedOpenApi classGroup() {
			return GroupedOpenApi.builder().group("class").pathsToMatch("/class/**").build();
		}

		@Bean
		GroupedOpenApi opsGroup() {
			return GroupedOpenApi.builder().group("ops").pathsToMatch("/ops/**").build();
		}

	}

}
