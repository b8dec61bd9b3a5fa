package dev.nexios.spring.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.nexios.spring.actuate.NexiosSecurityMatrixEndpoint;
import dev.nexios.spring.actuate.SecurityMatrix;
import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security matrix: where each operation's requirements come from, when the actuator endpoint exists
 * (actuator on the class path, endpoint exposed), and the startup summary it is logged as.
 */
@ExtendWith(OutputCaptureExtension.class)
class NexiosSecurityMatrixAutoConfigurationTest {

	private static final String DIGEST = "c221597c0f8ee85a2af54ad3035db7ac6604c7388079b6dfb7623e7cc0533f88";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, NexiosSecurityAutoConfiguration.class,
				NexiosSecurityMatrixAutoConfiguration.class))
		.withUserConfiguration(Controllers.class)
		.withPropertyValues("nexios.security.schemes.apiKeyAuth.type=apiKey",
				"nexios.security.schemes.apiKeyAuth.in=header", "nexios.security.schemes.apiKeyAuth.name=X-API-Key",
				"nexios.security.schemes.apiKeyAuth.store=jdbc",
				"nexios.security.schemes.apiKeyAuth.keys[0].principal=quickstart-client",
				"nexios.security.schemes.apiKeyAuth.keys[0].sha256=" + DIGEST,
				"nexios.security.schemes.partner.type=http", "nexios.security.schemes.partner.scheme=bearer",
				"nexios.security.schemes.partner.jwt.issuer-uri=https://partner.example",
				"nexios.security.schemes.partner.jwt.jwk-set-uri=https://partner.example/jwks",
				"nexios.security.schemes.partner.jwt.audiences=partner-api",
				"nexios.security.schemes.partner.jwt.jws-algorithms=ES256",
				"nexios.security.schemes.introspected.type=oauth2",
				"nexios.security.schemes.introspected.flows.client-credentials.token-url=https://idp.example/token",
				"nexios.security.schemes.introspected.opaque-token.introspection-uri=https://idp.example/introspect",
				"nexios.security.schemes.introspected.opaque-token.client-id=matrix-client",
				"nexios.security.schemes.introspected.opaque-token.client-secret=matrix-client-secret-value");

	@Test
	void theEndpointExistsOnlyWhenExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityMatrix.class);
			assertThat(context).doesNotHaveBean(NexiosSecurityMatrixEndpoint.class);
		});
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health,nexios")
			.run((context) -> assertThat(context).hasSingleBean(NexiosSecurityMatrixEndpoint.class));
	}

	@Test
	void withoutTheActuatorThereIsNoEndpointButStillTheSummary(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(NexiosSecurityMatrixEndpoint.class);
				assertThat(context).hasSingleBean(SecurityMatrix.class);
			});
		assertThat(output.getAll()).contains("Nexios security matrix: 5 operation(s)");
	}

	@Test
	void recordsWhereEachOperationsRequirementsComeFrom() {
		this.runner.run((context) -> {
			Map<String, SecurityMatrix.Operation> operations = operations(context.getBean(SecurityMatrix.class));
			assertThat(operations.get("MetaController#composed").source()).isEqualTo("method-meta-annotation");
			assertThat(operations.get("MetaController#composed").annotation()).isEqualTo("@PartnerOnly");
			assertThat(operations.get("MetaController#inherited").source()).isEqualTo("class-meta-annotation");
			assertThat(operations.get("MetaController#inherited").requirements())
				.containsExactly(Map.of("partner", java.util.List.of()));
			assertThat(operations.get("PlainController#secured").source()).isEqualTo("method-annotation");
			assertThat(operations.get("PlainController#secured").methods()).containsExactly("POST");
			assertThat(operations.get("PlainController#secured").patterns()).containsExactly("/plain/secured");
			assertThat(operations.get("PlainController#open").source()).isEqualTo("class-annotation");
			assertThat(operations.get("PlainController#open").access()).isEqualTo(SecurityMatrix.PUBLIC);
			assertThat(operations.get("UndeclaredController#undeclared").source()).isEqualTo("default-requirements");
			assertThat(operations.get("UndeclaredController#undeclared").annotation()).isNull();
			assertThat(operations.get("UndeclaredController#undeclared").methods()).hasSize(7).doesNotContain("TRACE");
		});
		this.runner.withPropertyValues("nexios.security.public-by-default=true").run((context) -> {
			SecurityMatrix matrix = context.getBean(SecurityMatrix.class);
			assertThat(matrix.publicByDefault()).isTrue();
			assertThat(operations(matrix).get("UndeclaredController#undeclared").source()).isEqualTo("public-by-default");
			assertThat(operations(matrix).get("UndeclaredController#undeclared").access()).isEqualTo(SecurityMatrix.PUBLIC);
		});
	}

	@Test
	void describesHowEachSchemeIsVerifiedWithoutSecrets() {
		this.runner.run((context) -> {
			SecurityMatrix matrix = context.getBean(SecurityMatrix.class);
			SecurityMatrix.Verification apiKey = matrix.schemes().get("apiKeyAuth").verification();
			assertThat(apiKey.method()).isEqualTo("api-keys");
			assertThat(apiKey.configuredKeys()).isEqualTo(1);
			assertThat(apiKey.store()).isEqualTo("jdbc");
			SecurityMatrix.Verification partner = matrix.schemes().get("partner").verification();
			assertThat(partner.method()).isEqualTo("jwt");
			assertThat(partner.source()).isEqualTo("nexios.security.schemes.partner.jwt");
			assertThat(partner.issuer()).isEqualTo("https://partner.example");
			assertThat(partner.jwkSetUri()).isEqualTo("https://partner.example/jwks");
			assertThat(partner.audiences()).containsExactly("partner-api");
			assertThat(partner.algorithms()).containsExactly("ES256");
			SecurityMatrix.Verification introspected = matrix.schemes().get("introspected").verification();
			assertThat(introspected.method()).isEqualTo("introspection");
			assertThat(introspected.introspectionUri()).isEqualTo("https://idp.example/introspect");
			assertThat(matrix.schemes().get("bearerAuth").verification().method()).as("no JwtDecoder bean")
				.isEqualTo("none");
			assertThat(matrix.toString()).doesNotContain(DIGEST, "quickstart-client", "matrix-client-secret-value");
		});
	}

	@Test
	void logsTheSummaryAtInfoAndTheTableAtDebug(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String logger = SecurityMatrixReport.class.getName();
		logging.setLogLevel(logger, LogLevel.DEBUG);
		try {
			this.runner.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			logging.setLogLevel(logger, null);
		}
		assertThat(output.getAll()).contains("Nexios security matrix: 5 operation(s), 1 public, 0 optional, 4 secured; "
				+ "by scheme: bearerAuth 1, apiKeyAuth 1, partner 3, introspected 0; 4 scheme(s).")
			.containsPattern("POST +/plain/secured +PlainController#secured +apiKeyAuth\\[write\\] \\| partner"
					+ " +method-annotation @NexiosSecured")
			.contains("scheme partner: http bearer, verified by jwt (nexios.security.schemes.partner.jwt.*), issuer "
					+ "https://partner.example, JWK set https://partner.example/jwks, audiences partner-api, algorithms ES256")
			.contains("scheme apiKeyAuth: apiKey header X-API-Key, verified by api-keys, 1 configured key(s), store jdbc")
			.contains("actuator: bearerAuth; public endpoints: health")
			.doesNotContain(DIGEST)
			.doesNotContain("quickstart-client")
			.doesNotContain("matrix-client-secret-value");
	}

	@Test
	void buildsTheMatrixOnlyWhenTheSummaryIsLoggedOrTheMatrixAsked(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String logger = SecurityMatrixReport.class.getName();
		logging.setLogLevel(logger, LogLevel.WARN);
		try {
			this.runner.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsSingleton("nexiosSecurityMatrix")).as("built at startup")
					.isFalse();
				assertThat(context.getBean(SecurityMatrix.class).operations()).hasSize(5);
				assertThat(context.getBeanFactory().containsSingleton("nexiosSecurityMatrix")).isTrue();
			});
		}
		finally {
			logging.setLogLevel(logger, null);
		}
		assertThat(output.getAll()).doesNotContain("Nexios security matrix");
		this.runner.run((context) -> assertThat(context.getBeanFactory().containsSingleton("nexiosSecurityMatrix"))
			.as("built for the INFO line")
			.isTrue());
	}

	private static Map<String, SecurityMatrix.Operation> operations(SecurityMatrix matrix) {
		return matrix.operations()
			.stream()
			.collect(Collectors.toMap(SecurityMatrix.Operation::handler, Function.identity()));
	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@NexiosSecured("partner")
	@interface PartnerOnly {

	}

	@Import({ MetaController.class, PlainController.class, UndeclaredController.class })
	static class Controllers {

	}

	@RestController
	@RequestMapping("/meta")
	@PartnerOnly
	static class MetaController {

		@GetMapping("/composed")
		@PartnerOnly
		String composed() {
			return "composed";
		}

		@GetMapping("/inherited")
		String inherited() {
			return "inherited";
		}

	}

	@RestController
	@RequestMapping("/plain")
	@NexiosPublic
	static class PlainController {

		@PostMapping("/secured")
		@NexiosSecured(anyOf = { @dev.nexios.spring.annotation.Requirement(value = "apiKeyAuth", scopes = "write"),
				@dev.nexios.spring.annotation.Requirement("partner") })
		String secured() {
			return "secured";
		}

		@GetMapping("/open")
		String open() {
			return "open";
		}

	}

	@RestController
	static class UndeclaredController {

		@RequestMapping("/undeclared")
		String undeclared() {
			return "undeclared";
		}

	}

}
