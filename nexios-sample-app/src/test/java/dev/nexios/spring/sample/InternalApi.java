package dev.nexios.spring.sample;

import dev.nexios.spring.annotation.NexiosSecured;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sample lacks for the tests of its users' kind: an {@code http basic} operation and an API
 * key operation that needs a scope the demo key lacks. Test-only (the sample's document stays the
 * guide's); tests that use it import it and declare the
 * {@code basicAuth} scheme ({@code nexios.security.schemes.basicAuth.type=http}, {@code .scheme=basic}).
 */
@TestConfiguration(proxyBeanMethods = false)
class InternalApi {

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("carol").password("{noop}carol-password").authorities("SCOPE_internal").build(),
				User.withUsername("dave").password("{noop}dave-password").authorities("SCOPE_other").build());
	}

	/** Registered with its enclosing configuration (a member class), never by component scanning. */
	@RestController
	static class InternalController {

		@GetMapping("/internal")
		@NexiosSecured(value = "basicAuth", scopes = "internal")
		String internal() {
			return "internal";
		}

		@GetMapping("/admin/export")
		@NexiosSecured(value = "apiKeyAuth", scopes = "export")
		String export() {
			return "export";
		}

	}

}
