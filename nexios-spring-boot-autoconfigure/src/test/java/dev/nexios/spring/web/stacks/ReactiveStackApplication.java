package dev.nexios.spring.web.stacks;

import dev.nexios.spring.web.servlet.TestSecrets;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The shared enforcement tests' application on WebFlux (Reactor Netty): the same controller, users and
 * CORS configuration as {@link ServletStackApplication}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StackControllers.class)
public class ReactiveStackApplication {

	/** Reactor Netty, although Tomcat is on this module's test class path too. */
	@Bean
	NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
		return new NettyReactiveWebServerFactory();
	}

	@Bean
	ReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("alice").password("{noop}" + TestSecrets.PASSWORD).authorities("SCOPE_read").build());
	}

	@Bean
	WebFluxConfigurer cors() {
		return new WebFluxConfigurer() {
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
		return RouterFunctions.route().GET("/fn", (request) -> ServerResponse.ok().bodyValue("fn")).build();
	}

}
