package dev.nexios.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.ActuatorSecurity;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.openapi.NexiosOpenApiCustomizer;
import dev.nexios.spring.openapi.NexiosOperationCustomizer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and back-off of {@link NexiosSecurityAutoConfiguration} and
 * {@link NexiosOpenApiAutoConfiguration}.
 */
class NexiosOpenApiAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, NexiosSecurityAutoConfiguration.class,
				NexiosOpenApiAutoConfiguration.class))
		.withUserConfiguration(SwaggerUiOAuth.class);

	@Test
	void contributesTheModelAndTheSpringdocCustomizers() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(NexiosSecuritySchemes.class);
			assertThat(context).hasSingleBean(NexiosSecurityModel.class);
			assertThat(context).hasSingleBean(NexiosOpenApiCustomizer.class);
			assertThat(context).hasSingleBean(NexiosOperationCustomizer.class);
		});
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("nexios.security.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(NexiosSecuritySchemes.class);
			assertThat(context).doesNotHaveBean(NexiosSecurityModel.class);
			assertThat(context).doesNotHaveBean(NexiosOpenApiCustomizer.class);
			assertThat(context).doesNotHaveBean(NexiosOperationCustomizer.class);
		});
	}

	@Test
	void notActiveInANonWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NexiosSecurityAutoConfiguration.class,
					NexiosOpenApiAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(NexiosSecurityModel.class);
				assertThat(context).doesNotHaveBean(NexiosOpenApiCustomizer.class);
			});
	}

	@Test
	void openApiPartInactiveWithoutSpringdoc() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springdoc")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(NexiosSecurityModel.class);
			assertThat(context).doesNotHaveBean(NexiosOpenApiCustomizer.class);
			assertThat(context).doesNotHaveBean(NexiosOperationCustomizer.class);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheSchemes() {
		this.runner.withUserConfiguration(UserSchemes.class)
			.withPropertyValues("nexios.security.default-requirements[0].userBasic=")
			.run((context) -> {
			assertThat(context).hasSingleBean(NexiosSecuritySchemes.class);
			assertThat(context.getBean(NexiosSecuritySchemes.class)).isSameAs(context.getBean("userSchemes"));
			assertThat(context.getBean(NexiosSecurityModel.class).schemes()).containsOnlyKeys("userBasic");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheModel() {
		this.runner.withUserConfiguration(UserModel.class).run((context) -> {
			assertThat(context).hasSingleBean(NexiosSecurityModel.class);
			assertThat(context.getBean(NexiosSecurityModel.class)).isSameAs(context.getBean("userModel"));
			OpenAPI openApi = new OpenAPI();
			context.getBean(NexiosOpenApiCustomizer.class).customise(openApi);
			assertThat(openApi.getComponents().getSecuritySchemes()).isNull();
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheCustomizers() {
		this.runner.withUserConfiguration(UserCustomizers.class).run((context) -> {
			assertThat(context).hasSingleBean(NexiosOpenApiCustomizer.class);
			assertThat(context).hasSingleBean(NexiosOperationCustomizer.class);
			assertThat(context.getBean(NexiosOpenApiCustomizer.class)).isSameAs(context.getBean("userOpenApi"));
			assertThat(context.getBean(NexiosOperationCustomizer.class)).isSameAs(context.getBean("userOperation"));
		});
	}

	@Test
	void defaultBearerAuthIsDocumented() {
		this.runner.run((context) -> assertThat(schemes(context.getBean(NexiosOpenApiCustomizer.class)))
			.containsOnlyKeys("bearerAuth")
			.extractingByKey("bearerAuth")
			.isEqualTo(new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("JWT bearer token in the Authorization header, validated following RFC8725"
						+ " (JSON Web Token Best Current Practices)")));
	}

	@Test
	void defaultBearerAuthCanBeRedefined() {
		this.runner
			.withPropertyValues("nexios.security.schemes.bearerAuth.type=http",
					"nexios.security.schemes.bearerAuth.scheme=bearer",
					"nexios.security.schemes.bearerAuth.bearer-format=opaque",
					"nexios.security.schemes.bearerAuth.description=Opaque access token")
			.run((context) -> assertThat(schemes(context.getBean(NexiosOpenApiCustomizer.class)))
				.containsOnlyKeys("bearerAuth")
				.extractingByKey("bearerAuth")
				.isEqualTo(new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("opaque")
					.description("Opaque access token")));
	}

	@Test
	void defaultBearerAuthCanBeDisabled() {
		this.runner
			.withPropertyValues("nexios.security.schemes.bearerAuth.enabled=false",
					"nexios.security.schemes.basicAuth.type=http", "nexios.security.schemes.basicAuth.scheme=basic",
					"nexios.security.default-requirements[0].basicAuth=")
			.run((context) -> assertThat(schemes(context.getBean(NexiosOpenApiCustomizer.class)))
				.containsOnlyKeys("basicAuth"));
	}

	@Test
	void swaggerUiUsesPkceWhenAnAuthorizationCodeFlowIsDeclared() {
		this.runner.withPropertyValues(authorizationCodeScheme())
			.run((context) -> assertThat(
					context.getBean(SwaggerUiOAuthProperties.class).getUsePkceWithAuthorizationCodeGrant())
				.isTrue());
	}

	@Test
	void swaggerUiPkceSettingOfTheApplicationWins() {
		this.runner.withPropertyValues(authorizationCodeScheme())
			.withPropertyValues("springdoc.swagger-ui.oauth.use-pkce-with-authorization-code-grant=false")
			.run((context) -> assertThat(
					context.getBean(SwaggerUiOAuthProperties.class).getUsePkceWithAuthorizationCodeGrant())
				.isFalse());
	}

	@Test
	void swaggerUiSettingsUnchangedWithoutAnAuthorizationCodeFlow() {
		this.runner
			.withPropertyValues("nexios.security.schemes.oauth2.type=oauth2",
					"nexios.security.schemes.oauth2.flows.client-credentials.token-url=/oauth2/token")
			.run((context) -> {
				SwaggerUiOAuthProperties oauth = context.getBean(SwaggerUiOAuthProperties.class);
				assertThat(oauth.getUsePkceWithAuthorizationCodeGrant()).isNull();
				assertThat(oauth.getConfigParameters()).isEmpty();
			});
	}

	private static String[] authorizationCodeScheme() {
		return new String[] { "nexios.security.schemes.oauth2.type=oauth2",
				"nexios.security.schemes.oauth2.flows.authorization-code.authorization-url=/oauth2/authorize",
				"nexios.security.schemes.oauth2.flows.authorization-code.token-url=/oauth2/token" };
	}

	private static Map<String, SecurityScheme> schemes(NexiosOpenApiCustomizer customizer) {
		OpenAPI openApi = new OpenAPI();
		customizer.customise(openApi);
		return openApi.getComponents().getSecuritySchemes();
	}

	/**
	 * Springdoc's Swagger UI OAuth properties, bound as springdoc's UI configuration binds them (that
	 * one needs springdoc's whole configuration).
	 */
	@Configuration(proxyBeanMethods = false)
	static class SwaggerUiOAuth {

		@Bean
		SwaggerUiOAuthProperties swaggerUiOAuthProperties(Environment environment) {
			return Binder.get(environment)
				.bindOrCreate("springdoc.swagger-ui.oauth", Bindable.of(SwaggerUiOAuthProperties.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSchemes {

		@Bean
		NexiosSecuritySchemes userSchemes() {
			return new NexiosSecuritySchemes().add("userBasic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserModel {

		@Bean
		NexiosSecurityModel userModel() {
			List<SecurityRequirement> basic = List.of(SecurityRequirement.of("userBasic"));
			return new NexiosSecurityModel(Map.of(), basic, basic, new ActuatorSecurity(basic, Set.of("health")),
					Map.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizers {

		@Bean
		NexiosOpenApiCustomizer userOpenApi(NexiosSecurityModel model) {
			return new NexiosOpenApiCustomizer(model, () -> "");
		}

		@Bean
		NexiosOperationCustomizer userOperation(NexiosSecurityModel model) {
			return new NexiosOperationCustomizer(model, false);
		}

	}

}
