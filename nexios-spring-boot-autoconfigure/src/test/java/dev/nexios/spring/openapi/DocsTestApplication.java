package dev.nexios.spring.openapi;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.annotation.Requirement;
import dev.nexios.spring.annotation.Scheme;
import dev.nexios.spring.model.NexiosSecuritySchemesCustomizer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with one operation per requirement shape; its schemes are in {@code openapi-docs.yml}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ DocsTestApplication.OperationsController.class, DocsTestApplication.ClassLevelController.class })
class DocsTestApplication {

	@Bean
	NexiosSecuritySchemesCustomizer jwtAuthScheme() {
		return (schemes) -> schemes.add("jwtAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("JWT registered in Java"));
	}

	@RestController
	@RequestMapping("/ops")
	static class OperationsController {

		@GetMapping("/single")
		@NexiosSecured("bearerAuth")
		String single() {
			return "single";
		}

		@GetMapping("/or")
		@NexiosSecured({ "bearerAuth", "apiKeyHeader" })
		String or() {
			return "or";
		}

		@GetMapping("/and")
		@NexiosSecured(anyOf = @Requirement({ "bearerAuth", "apiKeyQuery" }))
		String and() {
			return "and";
		}

		@GetMapping("/scopes")
		@NexiosSecured(value = "oauth2", scopes = { "read", "write" })
		String scopes() {
			return "scopes";
		}

		@GetMapping("/mixed")
		@NexiosSecured(anyOf = {
				@Requirement(schemes = { @Scheme(name = "oauth2", scopes = "read"), @Scheme(name = "apiKeyCookie") }),
				@Requirement("basicAuth") })
		String mixed() {
			return "mixed";
		}

		@GetMapping("/optional")
		@NexiosSecured(value = "bearerAuth", optional = true)
		String optional() {
			return "optional";
		}

		@GetMapping("/admin")
		@AdminOnly
		String admin() {
			return "admin";
		}

		@PostMapping("/admin")
		@AdminOnly(scopes = { "admin", "write" })
		String adminWrite() {
			return "admin-write";
		}

		@GetMapping("/default")
		String byDefault() {
			return "default";
		}

		@GetMapping("/public")
		@NexiosPublic
		String open() {
			return "public";
		}

		@GetMapping("/oidc")
		@NexiosSecured("oidc")
		String oidc() {
			return "oidc";
		}

		@GetMapping("/programmatic")
		@NexiosSecured("jwtAuth")
		String programmatic() {
			return "programmatic";
		}

		@GetMapping("/roles")
		@NexiosSecured(anyOf = { @Requirement(value = "apiKeyHeader", scopes = "read"),
				@Requirement(schemes = { @Scheme(name = "bearerAuth", scopes = { "admin", "audit" }),
						@Scheme(name = "oauth2", scopes = "read") }),
				@Requirement(value = "oidc", scopes = "profile") })
		String roles() {
			return "roles";
		}

		@GetMapping("/basic-roles")
		@NexiosSecured(value = "basicAuth", scopes = "admin")
		@Operation(description = "Basic with a scope.")
		String basicRoles() {
			return "basic-roles";
		}

		@GetMapping("/documented")
		@NexiosSecured(value = "oauth2", scopes = "read")
		@ApiResponse(responseCode = "401", description = "Documented by the application")
		String documented() {
			return "documented";
		}

	}

	@RestController
	@RequestMapping("/class")
	@NexiosSecured("apiKeyHeader")
	static class ClassLevelController {

		@GetMapping("/inherited")
		String inherited() {
			return "inherited";
		}

		@GetMapping("/override")
		@NexiosSecured("basicAuth")
		String override() {
			return "override";
		}

		@GetMapping("/public")
		@NexiosPublic
		String open() {
			return "public";
		}

	}

}
