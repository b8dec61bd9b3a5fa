package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's generated-password user is left out while the starter is enabled, so that the line
 * "Using generated security password: ..." never reaches a log; a configured password keeps it.
 */
class GeneratedPasswordTests {

	@Test
	void noGeneratedPasswordUserEvenWhenAUserNameIsConfigured() {
		// spring.security.user.name alone makes Spring Boot create a user with a generated, logged password
		try (ConfigurableApplicationContext context = run("spring.security.user.name=operator")) {
			assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
		}
	}

	@Test
	void configuredPasswordKeepsSpringBootsUser() {
		String password = TestSecrets.register("configured-user-password-5d7e9f1a");
		try (ConfigurableApplicationContext context = run("spring.security.user.name=operator",
				"spring.security.user.password=" + password)) {
			assertThat(context.getBean(UserDetailsService.class).loadUserByUsername("operator")).isNotNull();
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(PlainApplication.class).web(WebApplicationType.SERVLET)
			.properties("spring.config.name=plain-application", "server.port=0")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlainApplication {

	}

}
