package dev.nexios.spring.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.nexios.spring.test.fixture.StarterApplication;
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
 * The starter's application with one operation's documented security changed behind the starter's
 * back: an {@link OpenApiCustomizer} documents {@code GET /items/{id}} as public, while the starter
 * still enforces {@code oauth2} with scope {@code read}. The check reports exactly that mismatch.
 */
@SpringBootTest(classes = { StarterApplication.class, StarterBrokenDocumentTest.RewriteOneOperation.class })
@AutoConfigureMockMvc
class StarterBrokenDocumentTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void reportsExactlyTheRewrittenOperation() throws Exception {
		Path file = Path.of("target/conformance/starter-broken.json");
		NexiosConformance conformance = StarterConformanceTest.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.report(file);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(conformance::verify)
			.withMessageContaining("GET /items/{id} | public: no credentials | none             | not 401/403 | 401");
		ConformanceReport report = conformance.run();
		assertThat(report.mismatches())
			.extracting(ConformanceCell::operation, ConformanceCell::check, ConformanceCell::expected,
					ConformanceCell::status)
			.containsExactly(tuple("GET /items/{id}", "public: no credentials", Expectation.NOT_REJECTED, 401));
		assertThat(Files.readString(file)).contains("\"result\" : \"mismatch\"");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RewriteOneOperation {

		@Bean
		OpenApiCustomizer documentItemsAsPublic() {
			return (openApi) -> openApi.getPaths().get("/items/{id}").getGet().setSecurity(List.of());
		}

	}

}
