package dev.nexios.spring.test;

import dev.nexios.spring.test.fixture.HandWrittenApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written application with an extra filter chain, ahead of the real one, that lets
 * {@code /private} through: the document still promises {@code bearerAuth}. The check reports the
 * anonymous and the garbled-token requests to that operation, and nothing else.
 */
@SpringBootTest(classes = { HandWrittenApplication.class, BrokenFilterChainTest.LetPrivateThrough.class },
		properties = "nexios.security.enabled=false")
@AutoConfigureMockMvc
class BrokenFilterChainTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void reportsExactlyTheRequestsThatGetThrough() {
		ConformanceReport report = HandWrittenConformanceTest
			.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.run();
		assertThat(report.mismatches()).allSatisfy((cell) -> {
			assertThat(cell.operation()).isEqualTo("GET /private");
			assertThat(cell.expected()).isEqualTo(Expectation.UNAUTHORIZED);
			assertThat(cell.status()).isEqualTo(200);
		});
		assertThat(report.mismatches()).extracting(ConformanceCell::credentials)
			.containsExactlyInAnyOrder("none", "bearerAuth (malformed token)", "bearerAuth (JWT signed by another key)",
					"bearerAuth (expired JWT)");
		assertThat(report.passed()).hasSize(report.cells().size() - 4);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LetPrivateThrough {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SecurityFilterChain letPrivateThrough(HttpSecurity http) throws Exception {
			return http.securityMatcher("/private")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.build();
		}

	}

}
