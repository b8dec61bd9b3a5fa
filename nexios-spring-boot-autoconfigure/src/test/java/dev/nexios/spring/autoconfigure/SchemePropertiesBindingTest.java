package dev.nexios.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.nexios.spring.model.ApiKeyLocation;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code nexios.security.*} binds from YAML, environment variables and the command line, with the
 * property sources in Spring Boot's order (command line, then environment, then application.yml).
 */
class SchemePropertiesBindingTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebMvcAutoConfiguration.class, NexiosSecurityAutoConfiguration.class));

	private WebApplicationContextRunner with(String yaml, Map<String, Object> environment, String... args) {
		return this.runner.withInitializer((context) -> {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			// stands in for the process environment, which the test neither reads nor changes
			sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							environment));
			if (yaml != null) {
				sources.addLast(load(yaml));
			}
			if (args.length > 0) {
				sources.addFirst(new SimpleCommandLinePropertySource(args));
			}
		});
	}

	private static PropertySource<?> load(String yaml) {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource(yaml)).get(0);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void camelCaseSchemeFromYamlKeepsItsName() {
		with("camelcase-binding.yml", Map.of()).run((context) -> {
			SecuritySchemeDefinition scheme = context.getBean(NexiosSecurityModel.class).scheme("apiKeyAuth");
			assertThat(scheme).isEqualTo(new SecuritySchemeDefinition("apiKeyAuth", SecuritySchemeType.API_KEY,
					"From YAML", null, null, "X-API-Key", ApiKeyLocation.HEADER, Map.of(), null));
			assertThat(context.getBean(NexiosSecurityModel.class).schemes()).containsOnlyKeys("bearerAuth", "apiKeyAuth");
		});
	}

	@Test
	void environmentVariablesOverrideFieldsOfACamelCaseSchemeFromYaml() {
		with("camelcase-binding.yml", Map.of("NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_DESCRIPTION", "From env",
				"NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_IN", "query"))
			.run((context) -> {
				NexiosSecurityModel model = context.getBean(NexiosSecurityModel.class);
				assertThat(model.schemes()).containsOnlyKeys("bearerAuth", "apiKeyAuth");
				SecuritySchemeDefinition scheme = model.scheme("apiKeyAuth");
				assertThat(scheme.description()).isEqualTo("From env");
				assertThat(scheme.in()).isEqualTo(ApiKeyLocation.QUERY);
				assertThat(scheme.keyName()).isEqualTo("X-API-Key");
			});
	}

	@Test
	void commandLineOverridesFieldsOfACamelCaseSchemeFromYaml() {
		with("camelcase-binding.yml", Map.of(), "--nexios.security.schemes.apiKeyAuth.name=X-Other-Key")
			.run((context) -> {
				NexiosSecurityModel model = context.getBean(NexiosSecurityModel.class);
				assertThat(model.schemes()).containsOnlyKeys("bearerAuth", "apiKeyAuth");
				assertThat(model.scheme("apiKeyAuth").keyName()).isEqualTo("X-Other-Key");
				assertThat(model.scheme("apiKeyAuth").description()).isEqualTo("From YAML");
			});
	}

	@Test
	void camelCaseSchemeDeclaredWholeOnTheCommandLineKeepsItsName() {
		with(null, Map.of(), "--nexios.security.schemes.apiKeyAuth.type=apiKey",
				"--nexios.security.schemes.apiKeyAuth.name=X-API-Key", "--nexios.security.schemes.apiKeyAuth.in=header")
			.run((context) -> assertThat(context.getBean(NexiosSecurityModel.class).schemes())
				.containsOnlyKeys("bearerAuth", "apiKeyAuth"));
	}

	@Test
	void schemeDeclaredOnlyThroughEnvironmentVariablesIsNamedInLowerCase() {
		with(null, Map.of("NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_TYPE", "apiKey", "NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_NAME",
				"X-API-Key", "NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_IN", "header"))
			.run((context) -> assertThat(context.getBean(NexiosSecurityModel.class).schemes())
				.containsOnlyKeys("bearerAuth", "apikeyauth"));
	}

	@Test
	void defaultBearerAuthDisabledThroughAnEnvironmentVariable() {
		with("camelcase-binding.yml", Map.of("NEXIOS_SECURITY_SCHEMES_BEARERAUTH_ENABLED", "false",
				"NEXIOS_SECURITY_DEFAULTREQUIREMENTS_0_APIKEYAUTH", ""))
			.run((context) -> {
				NexiosSecurityModel model = context.getBean(NexiosSecurityModel.class);
				assertThat(model.schemes()).containsOnlyKeys("apiKeyAuth");
				assertThat(model.defaultRequirements()).containsExactly(SecurityRequirement.of("apiKeyAuth"));
			});
	}

	@Test
	void camelCaseSchemeDeclaredWholeInSpringApplicationJson() {
		with(null, Map.of("SPRING_APPLICATION_JSON", """
				{"nexios": {"security": {"schemes": {"apiKeyAuth": {"type": "apiKey", "name": "X-API-Key", "in": "cookie"}}}}}"""))
			.withInitializer((context) -> new SpringApplicationJsonEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
			.run((context) -> {
				NexiosSecurityModel model = context.getBean(NexiosSecurityModel.class);
				assertThat(model.schemes()).containsOnlyKeys("bearerAuth", "apiKeyAuth");
				assertThat(model.scheme("apiKeyAuth").in()).isEqualTo(ApiKeyLocation.COOKIE);
			});
	}

	@Test
	void yamlDefaultRequirementsWithNoScopesAndTheEmptyRequirement() {
		with("camelcase-binding.yml", Map.of()).run((context) -> assertThat(
				context.getBean(NexiosSecurityModel.class).defaultRequirements())
			.containsExactly(new SecurityRequirement(Map.of("bearerAuth", List.of())), SecurityRequirement.ANONYMOUS));
	}

}
