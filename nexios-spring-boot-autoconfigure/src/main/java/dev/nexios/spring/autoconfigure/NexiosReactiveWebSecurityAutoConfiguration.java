package dev.nexios.spring.autoconfigure;

import java.util.Map;

import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.web.reactive.NexiosServerHttpSecurity;

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
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Auto-configuration of the enforcement on WebFlux: a stateless {@link SecurityWebFilterChain} that
 * checks every request against the {@link NexiosSecurityModel}, deciding on the handler that WebFlux's
 * {@code DispatcherHandler} will use. It makes Spring Boot's default reactive chains back off.
 *
 * <p>The chain matches every exchange and has order {@link #ORDER}, the lowest precedence: an
 * application's own {@code SecurityWebFilterChain} beans, which should each have a
 * {@code securityMatcher}, come first. A bean named {@code nexiosSecurityWebFilterChain} replaces it.
 */
@AutoConfiguration(after = NexiosSecurityAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class, BearerTokenAuthenticationToken.class })
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@ConditionalOnBean(NexiosSecurityModel.class)
public class NexiosReactiveWebSecurityAutoConfiguration {

	/**
	 * The order of the Nexios {@code SecurityWebFilterChain}: {@link Ordered#LOWEST_PRECEDENCE}.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "nexiosSecurityWebFilterChain")
	SecurityWebFilterChain nexiosSecurityWebFilterChain(ServerHttpSecurity http, NexiosSecurityModel model,
			NexiosSecurityProperties properties, NexiosSecuritySchemes schemes, ApplicationContext context,
			Environment environment, ObjectProvider<ServerCodecConfigurer> codecs) {
		NexiosWebSecurityAutoConfiguration.checkKeyStores(context, properties, model);
		NexiosSecurityProperties.Csrf csrf = properties.getCsrf();
		Map<String, SchemeKeyMaterial> keyMaterial = NexiosWebSecurityAutoConfiguration.keyMaterial(properties);
		NexiosServerHttpSecurity.configure(http, model, keyMaterial,
				NexiosWebSecurityAutoConfiguration.docsRequirements(model, properties, schemes),
				NexiosWebSecurityAutoConfiguration.swaggerUiPrefix(environment), new CrossSiteRequests(csrf.isEnabled(), csrf.getTrustedOrigins()),
				context, codecs.getIfAvailable(),
				NexiosWebSecurityAutoConfiguration.resourceMetadata(model, keyMaterial, properties, environment));
		return http.build();
	}

	/**
	 * Spring Security's reactive configuration ({@code ServerHttpSecurity}), unless the application
	 * enables it itself.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = "org.springframework.security.config.annotation.web.reactive.WebFluxSecurityConfiguration")
	@EnableWebFluxSecurity
	static class EnableWebFluxSecurityConfiguration {

	}

	/**
	 * Makes Spring Boot's {@code ReactiveJwtDecoder} accept access tokens typed {@code at+jwt}, as on the
	 * servlet stack.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JwtTypeValidator.class)
	static class JwtTypeConfiguration {

		@Bean(dev.nexios.spring.core.SchemeKeyMaterial.Jwt.TYPE_VALIDATOR_BEAN_NAME)
		@ConditionalOnMissingBean(JwtTypeValidator.class)
		JwtTypeValidator nexiosJwtTypeValidator() {
			return dev.nexios.spring.core.SchemeKeyMaterial.Jwt
				.typeValidator(dev.nexios.spring.core.SchemeKeyMaterial.Jwt.DEFAULT_TOKEN_TYPES, true);
		}

	}

}
