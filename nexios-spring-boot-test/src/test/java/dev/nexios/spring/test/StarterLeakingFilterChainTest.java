package dev.nexios.spring.test;

import dev.nexios.spring.test.fixture.StarterApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The starter's application with a filter chain of the application's own, ordered before the
 * starter's, that lets {@code /admin} through: the document (from the starter) still promises
 * {@code apiKeyAuth} with scope {@code admin}. The check reports every request that gets through
 * where the document promises a refusal, on that operation only.
 */
@SpringBootTest(classes = { StarterApplication.class, StarterLeakingFilterChainTest.LetAdminThrough.class })
@AutoConfigureMockMvc
class StarterLeakingFilterChainTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void reportsTheRefusalsThatDoNotHappen() {
		ConformanceReport report = StarterConformanceTest.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.run();
		assertThat(report.mismatches()).allSatisfy((cell) -> {
			assertThat(cell.operation()).isEqualTo("GET /admin");
			assertThat(cell.status()).isEqualTo(200);
		});
		assertThat(report.mismatches()).extracting(ConformanceCell::check, ConformanceCell::expected)
			.containsExactlyInAnyOrder(tuple("no credentials", Expectation.UNAUTHORIZED),
					tuple("{apiKeyAuth[admin]} without scope admin of apiKeyAuth",
							Expectation.FORBIDDEN),
					tuple("{apiKeyAuth[admin]} with apiKeyAuth garbled: unknown key",
							Expectation.UNAUTHORIZED));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LetAdminThrough {

		@Bean
		@Order(1)
		SecurityFilterChain letAdminThrough(HttpSecurity http) throws Exception {
			return http.securityMatcher("/admin").authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
