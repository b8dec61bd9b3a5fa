package dev.nexios.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.ProtectedResourceMetadata;
import dev.nexios.spring.web.servlet.NexiosHttpSecurity;
import dev.nexios.spring.web.servlet.NexiosSecurityFilter;
import dev.nexios.spring.core.SchemeKeyMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Auto-configuration of the enforcement: a stateless {@link SecurityFilterChain} that checks every
 * request against the {@link NexiosSecurityModel}, through a {@link NexiosSecurityFilter}. It makes
 * Spring Boot's default filter chains back off.
 *
 * <p>The chain matches every request and has order {@link #ORDER}, the lowest precedence: an
 * application's own {@code SecurityFilterChain} beans, which should each have a
 * {@code securityMatcher}, come first whatever their order. A bean named
 * {@code nexiosSecurityFilterChain} replaces it.
 */
@AutoConfiguration(after = NexiosSecurityAutoConfiguration.class,
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, BearerTokenAuthenticationToken.class })
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@ConditionalOnBean(NexiosSecurityModel.class)
public class NexiosWebSecurityAutoConfiguration {

	/**
	 * The order of the Nexios {@code SecurityFilterChain}: {@link Ordered#LOWEST_PRECEDENCE}.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "nexiosSecurityFilterChain")
	SecurityFilterChain nexiosSecurityFilterChain(HttpSecurity http, NexiosSecurityModel model,
			NexiosSecurityProperties properties, NexiosSecuritySchemes schemes, ApplicationContext context,
			Environment environment, ObjectProvider<SecurityContextHolderStrategy> contextHolderStrategy)
			throws Exception {
		List<SecurityRequirement> docsRequirements = docsRequirements(model, properties, schemes);
		checkKeyStores(context, properties, model);
		DispatcherTypesCheck.check(environment);
		SecurityContextHolderStrategy contextHolder = contextHolderStrategy
			.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
		NexiosSecurityProperties.Csrf csrf = properties.getCsrf();
		Map<String, SchemeKeyMaterial> keyMaterial = keyMaterial(properties);
		NexiosHttpSecurity.configure(http, model, keyMaterial, docsRequirements, swaggerUiPrefix(environment),
				new CrossSiteRequests(csrf.isEnabled(), csrf.getTrustedOrigins()), context, contextHolder,
				resourceMetadata(model, keyMaterial, properties, environment));
		return http.build();
	}

	/**
	 * Hands the {@code DispatcherServlet} the handler that the chain resolved and decided on, so that Spring
	 * MVC's handler lookup runs once per request.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "nexiosResolvedDispatchHandlerMapping")
	HandlerMapping nexiosResolvedDispatchHandlerMapping() {
		return NexiosHttpSecurity.resolvedDispatchHandlerMapping();
	}

	/**
	 * The protected resource metadata (RFC 9728) of the declaration, or {@code null} when disabled or when
	 * no bearer-token scheme is declared.
	 */
	static @Nullable ProtectedResourceMetadata resourceMetadata(NexiosSecurityModel model,
			Map<String, SchemeKeyMaterial> keyMaterial, NexiosSecurityProperties properties, Environment environment) {
		NexiosSecurityProperties.ResourceMetadata settings = properties.getResourceMetadata();
		if (!settings.isEnabled()) {
			return null;
		}
		return ProtectedResourceMetadata.of(model, keyMaterial,
				environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
				new ProtectedResourceMetadata.Settings(settings.getResource(), settings.getAuthorizationServers(),
						settings.getResourceDocumentation(), settings.getResourceName()));
	}

	/**
	 * The requirements of springdoc's endpoints, each scheme checked to be declared.
	 */
	static List<SecurityRequirement> docsRequirements(NexiosSecurityModel model, NexiosSecurityProperties properties,
			NexiosSecuritySchemes schemes) {
		List<SecurityRequirement> docsRequirements = PropertiesSecuritySchemes
			.requirements(properties.getDocs().getRequirements(), schemes);
		List<String> problems = docsRequirements.stream()
			.flatMap((requirement) -> requirement.schemes().keySet().stream())
			.filter((name) -> model.scheme(name) == null)
			.map((name) -> "nexios.security.docs.requirements: security scheme '" + name
					+ "' is not declared (declared schemes: " + String.join(", ", model.schemes().keySet()) + ")")
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(problems, model.schemes().keySet());
		}
		return docsRequirements;
	}

	/**
	 * Stops startup when a scheme's {@code store} cannot take effect (no {@code ApiKeyIssuer} serves it).
	 */
	static void checkKeyStores(ApplicationContext context, NexiosSecurityProperties properties,
			NexiosSecurityModel model) {
		Set<String> storedSchemes = new LinkedHashSet<>();
		context.getBeanProvider(ApiKeyIssuer.class).forEach((issuer) -> storedSchemes.addAll(issuer.schemes()));
		List<String> storeProblems = ApiKeyStores.problems(properties, storedSchemes);
		if (!storeProblems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(storeProblems, model.schemes().keySet());
		}
	}

	/**
	 * Makes Spring Boot's {@code JwtDecoder} (from {@code spring.security.oauth2.resourceserver.jwt.*})
	 * accept access tokens typed {@code at+jwt} (RFC 9068 §2.1) besides {@code JWT} and tokens without
	 * {@code typ}: Spring Boot adds its {@code OAuth2TokenValidator<Jwt>} beans to its decoder, and a
	 * {@link JwtTypeValidator} among them replaces Spring Security's default one, which accepts only
	 * {@code JWT}. An application's own {@link JwtTypeValidator} bean replaces this one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JwtTypeValidator.class)
	static class JwtTypeConfiguration {

		@Bean(SchemeKeyMaterial.Jwt.TYPE_VALIDATOR_BEAN_NAME)
		@ConditionalOnMissingBean(JwtTypeValidator.class)
		JwtTypeValidator nexiosJwtTypeValidator() {
			return SchemeKeyMaterial.Jwt.typeValidator(SchemeKeyMaterial.Jwt.DEFAULT_TOKEN_TYPES, true);
		}

	}

	static Map<String, SchemeKeyMaterial> keyMaterial(NexiosSecurityProperties properties) {
		Map<String, SchemeKeyMaterial> result = new LinkedHashMap<>();
		properties.getSchemes().forEach((name, scheme) -> {
			NexiosSecurityProperties.Jwt jwt = scheme.getJwt();
			NexiosSecurityProperties.OpaqueToken opaque = scheme.getOpaqueToken();
			result.put(name, new SchemeKeyMaterial(
					new SchemeKeyMaterial.Jwt(jwt.getIssuerUri(), jwt.getJwkSetUri(), jwt.getPublicKeyLocation(),
							jwt.getAudiences(), jwt.getJwsAlgorithms(), jwt.getTokenTypes(), jwt.getRequireTokenType(),
							jwt.getRequireExpirationTime()),
					new SchemeKeyMaterial.OpaqueToken(opaque.getIntrospectionUri(), opaque.getClientId(),
							opaque.getClientSecret()),
					scheme.getKeys()
						.stream()
						.map((key) -> new SchemeKeyMaterial.ApiKey(key.getPrincipal(), key.getSha256(),
								key.getValueFromEnv(), key.getValueFromFile(), key.getScopes()))
						.toList()));
		});
		return result;
	}

	/**
	 * The path under which springdoc serves Swagger UI's resources: the folder of
	 * {@code springdoc.swagger-ui.path} ({@code /swagger-ui.html} by default, resources under
	 * {@code /swagger-ui/}); springdoc's WebFlux UI serves them there too.
	 */
	static String swaggerUiPrefix(Environment environment) {
		String path = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
		int slash = path.lastIndexOf('/');
		String folder = (slash > 0) ? path.substring(0, slash) : "";
		return folder + "/swagger-ui/";
	}

}
