package dev.nexios.spring.test;

import java.util.List;

import dev.nexios.spring.test.fixture.HandWrittenApplication;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The hand-written application with one operation's documented security rewritten behind its back:
 * {@code GET /items/{id}} is documented as public but still requires a token with scope {@code read}.
 * The check reports exactly that mismatch.
 */
@SpringBootTest(classes = { HandWrittenApplication.class, BrokenDocumentTest.RewriteOneOperation.class },
		properties = "nexios.security.enabled=false")
@AutoConfigureMockMvc
class BrokenDocumentTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void reportsExactlyTheRewrittenOperation() {
		ConformanceReport report = HandWrittenConformanceTest
			.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.run();
		assertThat(report.mismatches())
			.extracting(ConformanceCell::operation, ConformanceCell::check, ConformanceCell::credentials,
					ConformanceCell::expected, ConformanceCell::status)
			.containsExactly(tuple("GET /items/{id}", "public: no credentials", "none", Expectation.NOT_REJECTED, 401));
		assertThat(report.passed()).hasSize(report.cells().size() - 1);
	}

	@Test
	void verifyFailsWithAReadableTable() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> HandWrittenConformanceTest.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
				.verify())
			.withMessageContaining("9 operations, 40 requests: 39 passed, 1 mismatch, 0 skipped")
			.withMessageContaining("Operation       | Check                  | Credentials sent | Expected    | Actual")
			.withMessageContaining("GET /items/{id} | public: no credentials | none             | not 401/403 | 401");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RewriteOneOperation {

		@Bean
		OpenApiCustomizer documentItemsAsPublic() {
			return (openApi) -> openApi.getPaths().get("/items/{id}").getGet().setSecurity(List.of());
		}

	}

}
