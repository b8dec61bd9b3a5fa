package dev.nexios.spring.autoconfigure;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.openapi.NexiosOpenApiCustomizer;
import dev.nexios.spring.openapi.NexiosOperationCustomizer;
import dev.nexios.spring.openapi.NexiosSwaggerUiOAuthDefaults;
import dev.nexios.spring.web.reactive.ReactiveActuatorEndpoints;
import dev.nexios.spring.web.servlet.ActuatorEndpoints;
import jakarta.servlet.ServletContext;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the OpenAPI side: springdoc customizers that write the resolved
 * {@link NexiosSecurityModel} into every document (every group), and Swagger UI's OAuth defaults.
 */
@AutoConfiguration(after = NexiosSecurityAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@ConditionalOnBean(NexiosSecurityModel.class)
@EnableConfigurationProperties(NexiosSecurityProperties.class)
public class NexiosOpenApiAutoConfiguration {

	/**
	 * The document of a Spring MVC application: paths below the servlet context path, actuator endpoints
	 * of Spring MVC.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletDocumentConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NexiosOpenApiCustomizer nexiosOpenApiCustomizer(NexiosSecurityModel model,
				ObjectProvider<ServletContext> servletContext) {
			return new NexiosOpenApiCustomizer(model, () -> {
				ServletContext context = servletContext.getIfAvailable();
				return (context != null) ? context.getContextPath() : "";
			});
		}

		@Bean
		@ConditionalOnMissingBean
		NexiosOperationCustomizer nexiosOperationCustomizer(NexiosSecurityModel model,
				NexiosSecurityProperties properties, ApplicationContext context) {
			return new NexiosOperationCustomizer(model, properties.getOpenapi().isErrorResponses(),
					ActuatorEndpoints.security(context, model));
		}

	}

	/**
	 * The document of a WebFlux application: paths below {@code spring.webflux.base-path}, actuator
	 * endpoints of WebFlux. springdoc hands its {@code GlobalOperationCustomizer}s the same
	 * {@code HandlerMethod} on WebFlux as on Spring MVC.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveDocumentConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NexiosOpenApiCustomizer nexiosOpenApiCustomizer(NexiosSecurityModel model, Environment environment) {
			return new NexiosOpenApiCustomizer(model, () -> {
				String basePath = environment.getProperty("spring.webflux.base-path", "");
				return basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
			});
		}

		@Bean
		@ConditionalOnMissingBean
		NexiosOperationCustomizer nexiosOperationCustomizer(NexiosSecurityModel model,
				NexiosSecurityProperties properties, ApplicationContext context) {
			return new NexiosOperationCustomizer(model, properties.getOpenapi().isErrorResponses(),
					ReactiveActuatorEndpoints.security(context, model));
		}

	}

	@Bean
	SmartInitializingSingleton nexiosSwaggerUiOAuthDefaults(ObjectProvider<NexiosSecurityModel> model,
			ObjectProvider<SwaggerUiOAuthProperties> properties) {
		return () -> properties.ifAvailable((oauth) -> NexiosSwaggerUiOAuthDefaults.apply(model.getObject(), oauth));
	}

}
