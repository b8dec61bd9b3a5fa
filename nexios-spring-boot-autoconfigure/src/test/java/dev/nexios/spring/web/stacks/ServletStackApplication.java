package dev.nexios.spring.web.stacks;

import dev.nexios.spring.web.servlet.TestSecrets;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The shared enforcement tests' application on Spring MVC (Tomcat).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StackControllers.class)
public class ServletStackApplication {

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}" + TestSecrets.PASSWORD).authorities("SCOPE_read").build());
	}

	@Bean
	WebMvcConfigurer cors() {
		return new WebMvcConfigurer() {
			@Override
			public void addCorsMappings(CorsRegistry registry) {
				registry.addMapping("/**")
					.allowedOrigins("https://app.example")
					.allowedMethods("GET", "POST")
					.allowedHeaders("Authorization", "X-API-KEY");
			}
		};
	}

	@Bean
	RouterFunction<ServerResponse> functional() {
		return RouterFunctions.route().GET("/fn", (request) -> ServerResponse.ok().body("fn")).build();
	}

}
