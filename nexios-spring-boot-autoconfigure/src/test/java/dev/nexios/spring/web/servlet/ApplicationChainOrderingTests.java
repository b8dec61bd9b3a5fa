package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application chain without a {@code securityMatcher} would shadow the Nexios chain: the application
 * refuses to start rather than run with padlocks that nothing enforces.
 */
class ApplicationChainOrderingTests {

	@Test
	void catchAllApplicationChainFailsTheStart() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(CatchAllChainApplication.class)
				.web(WebApplicationType.SERVLET)
				.properties("spring.config.name=catch-all-chain", "server.port=0")
				.run()
				.close())
			.withStackTraceContaining("will never get invoked");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CatchAllChainApplication {

		@Bean
		SecurityFilterChain everything(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
