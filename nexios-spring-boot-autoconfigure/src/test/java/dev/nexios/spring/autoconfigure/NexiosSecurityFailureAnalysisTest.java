package dev.nexios.spring.autoconfigure;

import java.util.function.Consumer;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fail-fast case of the security declaration, as the startup failure analysis reports it.
 */
class NexiosSecurityFailureAnalysisTest {

	private static final String OAUTH2 = "nexios.security.schemes.oauth2.";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebMvcAutoConfiguration.class, NexiosSecurityAutoConfiguration.class));

	private void assertAnalysis(WebApplicationContextRunner runner, Consumer<String> description) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NexiosSecurityFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
			description.accept(analysis.getDescription());
			assertThat(analysis.getAction()).contains("nexios.security.schemes.<name>");
		});
	}

	@Test
	void undeclaredSchemeInNexiosSecured() {
		assertAnalysis(this.runner.withUserConfiguration(UndeclaredScheme.class)
			.withPropertyValues("nexios.security.schemes.apiKeyAuth.type=apiKey",
					"nexios.security.schemes.apiKeyAuth.name=X-API-Key", "nexios.security.schemes.apiKeyAuth.in=header"),
				(description) -> assertThat(description).contains("The Nexios security declaration has 1 problem:")
					.contains("UndeclaredScheme#orders: security scheme 'jwtAuth' is not declared "
							+ "(declared schemes: bearerAuth, apiKeyAuth); declare it under nexios.security.schemes.jwtAuth")
					.contains("Declared security schemes: bearerAuth, apiKeyAuth"));
	}

	@Test
	void undeclaredScopeOfAnOAuth2Scheme() {
		assertAnalysis(this.runner.withUserConfiguration(UndeclaredScope.class)
			.withPropertyValues(OAUTH2 + "type=oauth2", OAUTH2 + "flows.client-credentials.token-url=/oauth2/token",
					OAUTH2 + "flows.client-credentials.scopes.read=Read"),
				(description) -> assertThat(description).contains(
						"UndeclaredScope#delete: scope 'delete' of scheme 'oauth2' is not declared by any of its flows "
								+ "(declared scopes: read)"));
	}

	@Test
	void apiKeyWithoutName() {
		assertAnalysis(this.runner.withPropertyValues("nexios.security.schemes.apiKeyAuth.type=apiKey",
				"nexios.security.schemes.apiKeyAuth.in=header"),
				(description) -> assertThat(description).contains(
						"nexios.security.schemes.apiKeyAuth.name is missing: the header, query parameter or cookie "
								+ "that carries the key"));
	}

	@Test
	void apiKeyWithoutIn() {
		assertAnalysis(this.runner.withPropertyValues("nexios.security.schemes.apiKeyAuth.type=apiKey",
				"nexios.security.schemes.apiKeyAuth.name=X-API-Key"),
				(description) -> assertThat(description)
					.contains("nexios.security.schemes.apiKeyAuth.in is missing; use header, query or cookie"));
	}

	@Test
	void oauth2WithoutFlows() {
		assertAnalysis(this.runner.withPropertyValues(OAUTH2 + "type=oauth2"),
				(description) -> assertThat(description).contains("nexios.security.schemes.oauth2.flows is empty; "
						+ "declare at least one of password, client-credentials, authorization-code, implicit"));
	}

	@Test
	void flowWithoutItsUrls() {
		assertAnalysis(this.runner.withPropertyValues(OAUTH2 + "type=oauth2",
				OAUTH2 + "flows.authorization-code.scopes.read=Read"),
				(description) -> assertThat(description).contains("has 2 problems:")
					.contains("nexios.security.schemes.oauth2.flows.authorization-code.token-url is missing")
					.contains("nexios.security.schemes.oauth2.flows.authorization-code.authorization-url is missing"));
	}

	@Test
	void malformedUrl() {
		assertAnalysis(this.runner.withPropertyValues(OAUTH2 + "type=oauth2",
				OAUTH2 + "flows.password.token-url=auth/token"),
				(description) -> assertThat(description)
					.contains("nexios.security.schemes.oauth2.flows.password.token-url 'auth/token' is not a valid URL; "
							+ "use an absolute http(s) URL or a path starting with /"));
	}

	@Test
	void securedAndPublicOnOneMethod() {
		assertAnalysis(this.runner.withUserConfiguration(SecuredAndPublic.class),
				(description) -> assertThat(description).contains(
						"SecuredAndPublic#both: both @NexiosSecured and @NexiosPublic are declared; keep one"));
	}

	@Test
	void undeclaredSchemeInDefaultRequirements() {
		assertAnalysis(this.runner.withPropertyValues("nexios.security.default-requirements[0].bearerAuth=",
				"nexios.security.default-requirements[1].sessionAuth="),
				(description) -> assertThat(description).contains("has 1 problem:")
					.contains("nexios.security.default-requirements[1]: security scheme 'sessionAuth' is not declared "
							+ "(declared schemes: bearerAuth)"));
	}

	@Test
	void everyProblemIsListedAtOnce() {
		assertAnalysis(this.runner.withUserConfiguration(UndeclaredScheme.class, SecuredAndPublic.class)
			.withPropertyValues("nexios.security.schemes.apiKeyAuth.type=apiKey", OAUTH2 + "type=oauth2"),
				(description) -> assertThat(description).contains("has 5 problems:")
					.contains("nexios.security.schemes.apiKeyAuth.name is missing")
					.contains("nexios.security.schemes.apiKeyAuth.in is missing")
					.contains("nexios.security.schemes.oauth2.flows is empty")
					.contains("UndeclaredScheme#orders: security scheme 'jwtAuth' is not declared")
					.contains("SecuredAndPublic#both: both @NexiosSecured and @NexiosPublic are declared"));
	}

	@Test
	void oneOperationServedWithDifferentSecurity() {
		assertAnalysis(this.runner.withUserConfiguration(ConditionalHandlers.class),
				(description) -> assertThat(description).contains("has 2 problems:")
					.contains("POST /upload is served by handler methods with different security "
							+ "(ConditionalHandlers#json: public; ConditionalHandlers#text: bearerAuth); its OpenAPI "
							+ "operation has one security, so give them the same requirements or different paths")
					.contains("GET /mode is served by handler methods with different security "
							+ "(ConditionalHandlers#closed, ConditionalHandlers#other: bearerAuth; ConditionalHandlers#open: "
							+ "public)"));
	}

	@Test
	void oneOperationServedWithTheSameSecurityStarts() {
		this.runner.withUserConfiguration(SameSecurityHandlers.class)
			.withPropertyValues("nexios.security.default-requirements[0].bearerAuth=")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@RestController
	static class ConditionalHandlers {

		@PostMapping(path = "/upload", consumes = MediaType.APPLICATION_JSON_VALUE)
		@NexiosPublic
		String json() {
			return "json";
		}

		@PostMapping(path = "/upload", consumes = MediaType.TEXT_PLAIN_VALUE)
		@NexiosSecured("bearerAuth")
		String text() {
			return "text";
		}

		@GetMapping(path = "/mode", params = "mode=open")
		@NexiosPublic
		String open() {
			return "open";
		}

		@GetMapping("/mode")
		@NexiosSecured("bearerAuth")
		String closed() {
			return "closed";
		}

		@GetMapping(path = "/mode", produces = MediaType.TEXT_PLAIN_VALUE)
		@NexiosSecured("bearerAuth")
		String other() {
			return "other";
		}

	}

	@RestController
	static class SameSecurityHandlers {

		@PostMapping(path = "/upload", consumes = MediaType.APPLICATION_JSON_VALUE)
		String json() {
			return "json";
		}

		@PostMapping(path = "/upload", consumes = MediaType.TEXT_PLAIN_VALUE)
		@NexiosSecured("bearerAuth")
		String text() {
			return "text";
		}

	}

	@RestController
	static class UndeclaredScheme {

		@GetMapping("/orders")
		@NexiosSecured("jwtAuth")
		String orders() {
			return "orders";
		}

	}

	@RestController
	static class UndeclaredScope {

		@GetMapping("/items")
		@NexiosSecured(value = "oauth2", scopes = "delete")
		String delete() {
			return "deleted";
		}

	}

	@RestController
	static class SecuredAndPublic {

		@GetMapping("/both")
		@NexiosSecured("bearerAuth")
		@NexiosPublic
		String both() {
			return "both";
		}

	}

}
