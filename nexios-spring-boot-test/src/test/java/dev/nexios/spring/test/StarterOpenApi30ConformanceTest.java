package dev.nexios.spring.test;

import dev.nexios.spring.test.fixture.StarterApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static dev.nexios.spring.test.HandWrittenConformanceTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's application with an OpenAPI 3.0 document: 3.0 allows scopes only for {@code oauth2}
 * and {@code openIdConnect}, so the starter carries the API key's scope in {@code x-nexios-security};
 * the check reads it there and still tests the scope.
 */
@SpringBootTest(classes = StarterApplication.class, properties = "springdoc.api-docs.version=openapi_3_0")
@AutoConfigureMockMvc
class StarterOpenApi30ConformanceTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void scopesOfApiKeysAreReadFromTheExtension() {
		ConformanceReport report = StarterConformanceTest.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.verify();
		assertThat(cell(report, "GET /admin", "{apiKeyAuth[admin]} without scope admin of apiKeyAuth").status())
			.isEqualTo(403);
		assertThat(report.mismatches()).isEmpty();
	}

}
