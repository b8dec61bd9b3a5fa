package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.NexiosAuthentication;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.annotation.Requirement;
import dev.nexios.spring.annotation.Scheme;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application of the enforcement tests: one controller per requirement shape, a user store for
 * http basic, a CORS configuration, and an application filter chain of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ EnforcementTestApplication.ShapesController.class, EnforcementTestApplication.ReportsController.class,
		EnforcementTestApplication.AppChainController.class, HandlerSelectionControllers.SecuredItemsController.class,
		HandlerSelectionControllers.PublicItemsController.class, HandlerSelectionControllers.PublicCrudController.class,
		HandlerSelectionControllers.SecuredCrudController.class, HandlerSelectionControllers.ProxiedController.class,
		HandlerSelectionControllers.Proxying.class, HandlerSelectionControllers.LateRegistration.class,
		HandlerSelectionControllers.OrderedController.class, HandlerSelectionControllers.OrderedMapping.class,
		HandlerSelectionControllers.FunctionalEndpoint.class,
		HandlerSelectionControllers.PublicSubController.class, HandlerSelectionControllers.PublicOverrideController.class,
		HandlerSelectionControllers.ForwardingController.class })
class EnforcementTestApplication {

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
				registry.addMapping("/**").allowedOrigins("https://app.example").allowedMethods("GET", "POST")
					.allowedHeaders("Authorization", "X-API-KEY");
			}
		};
	}

	/**
	 * An application chain of its own, for its own paths: it is kept, and runs before the Nexios chain.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain appChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/app-chain/**").authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	@RestController
	static class ShapesController {

		@NexiosSecured("bearerAuth")
		@GetMapping("/single")
		String single() {
			return "single";
		}

		@NexiosSecured("partnerAuth")
		@GetMapping("/partner")
		String partner() {
			return "partner";
		}

		@NexiosSecured({ "bearerAuth", "apiKeyAuth" })
		@GetMapping("/or")
		String or() {
			return "or";
		}

		@NexiosSecured(anyOf = @Requirement({ "bearerAuth", "apiKeyAuth" }))
		@GetMapping("/and")
		String and() {
			return "and";
		}

		@NexiosSecured(value = "oauth2", scopes = "admin")
		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

		@NexiosSecured(anyOf = @Requirement(schemes = { @Scheme(name = "oauth2", scopes = { "read", "write" }) }))
		@PostMapping("/write")
		String write() {
			return "write";
		}

		@NexiosSecured(value = "bearerAuth", optional = true)
		@GetMapping("/optional")
		String optional(Authentication authentication) {
			return (authentication instanceof NexiosAuthentication) ? "hello " + authentication.getName() : "anonymous";
		}

		@NexiosPublic
		@GetMapping("/public")
		String open() {
			return "public";
		}

		@GetMapping("/default")
		String byDefault() {
			return "default";
		}

		@NexiosSecured("basicAuth")
		@GetMapping("/basic")
		String basic(Authentication authentication) {
			return "basic " + authentication.getName();
		}

		@NexiosSecured("queryKey")
		@GetMapping("/query")
		String query() {
			return "query";
		}

		@NexiosSecured("cookieKey")
		@GetMapping("/cookie")
		String cookie() {
			return "cookie";
		}

		@NexiosSecured("bearerAuth")
		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return "item " + id;
		}

		@NexiosSecured({ "bearerAuth", "apiKeyAuth", "basicAuth" })
		@GetMapping("/me")
		Map<String, Object> me(NexiosAuthentication user, @AuthenticationPrincipal Object principal) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", user.getName());
			me.put("schemes", user.getSchemes());
			me.put("scopes", user.getScopes());
			me.put("principalIsJwt", principal instanceof Jwt);
			if (principal instanceof Jwt jwt) {
				me.put("subject", jwt.getSubject());
			}
			return me;
		}

		@NexiosSecured("bearerAuth")
		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("internal detail that must not leak");
		}

	}

	@NexiosSecured(value = "apiKeyAuth", scopes = "reports")
	@RestController
	@RequestMapping("/reports")
	static class ReportsController {

		@GetMapping
		String reports() {
			return "reports";
		}

		@NexiosPublic
		@GetMapping("/health")
		String health() {
			return "up";
		}

	}

	@RestController
	static class AppChainController {

		@GetMapping("/app-chain/hello")
		String hello() {
			return "served by the application's own chain";
		}

	}

}
