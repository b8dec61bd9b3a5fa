package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The filter puts the caller into the application's {@code SecurityContextHolderStrategy} bean, where
 * the controller finds it, and leaves that holder empty after the request.
 */
@SpringBootTest(classes = { EnforcementTestApplication.class, ContextHolderStrategyTests.Strategy.class },
		properties = "spring.config.name=enforcement")
@AutoConfigureMockMvc
class ContextHolderStrategyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityContextHolderStrategy strategy;

	@Test
	void theApplicationsStrategyHoldsTheCallerDuringTheRequestOnly() throws Exception {
		assertThat(this.strategy).isInstanceOf(OwnStrategy.class);
		this.mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", "read")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("alice")));
		assertThat(this.strategy.getContext().getAuthentication()).isNull();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Strategy {

		@Bean
		SecurityContextHolderStrategy securityContextHolderStrategy() {
			return new OwnStrategy();
		}

	}

	/**
	 * A holder of the application's own, not the static {@code SecurityContextHolder}'s.
	 */
	static final class OwnStrategy implements SecurityContextHolderStrategy {

		private final ThreadLocal<SecurityContext> context = new ThreadLocal<>();

		@Override
		public void clearContext() {
			this.context.remove();
		}

		@Override
		public SecurityContext getContext() {
			SecurityContext current = this.context.get();
			if (current == null) {
				current = createEmptyContext();
				this.context.set(current);
			}
			return current;
		}

		@Override
		public void setContext(SecurityContext context) {
			this.context.set(context);
		}

		@Override
		public SecurityContext createEmptyContext() {
			return new SecurityContextImpl();
		}

	}

}
