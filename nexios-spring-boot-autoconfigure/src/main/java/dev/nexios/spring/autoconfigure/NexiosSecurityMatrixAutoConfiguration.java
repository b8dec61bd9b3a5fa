package dev.nexios.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.nexios.spring.actuate.NexiosSecurityMatrixEndpoint;
import dev.nexios.spring.actuate.SecurityMatrix;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecuritySchemes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
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
import org.springframework.context.annotation.Lazy;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Auto-configuration of the security matrix: the {@link SecurityMatrix} of the application, logged at
 * startup (counts at {@code INFO}, the table at {@code DEBUG}), and the actuator endpoint
 * {@code nexios} that serves it when Spring Boot's actuator is on the class path and the endpoint is
 * available.
 */
@AutoConfiguration(after = NexiosSecurityAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@ConditionalOnBean(NexiosSecurityModel.class)
public class NexiosSecurityMatrixAutoConfiguration {

	@Bean
	SecurityMatrixReport nexiosSecurityMatrixReport(ObjectProvider<SecurityMatrix> matrix) {
		return new SecurityMatrixReport(matrix);
	}

	/**
	 * The matrix of a Spring MVC application: the mappings of its {@code RequestMappingInfoHandlerMapping}s.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(RequestMappingInfoHandlerMapping.class)
	static class ServletMatrixConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean
		SecurityMatrix nexiosSecurityMatrix(NexiosSecurityModel model, NexiosSecurityProperties properties,
				NexiosSecuritySchemes schemes, ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings,
				ApplicationContext context) {
			Map<HandlerMethod, List<SecurityMatrices.Mapping>> mappings = HandlerMethodKinds
				.operationMappings(handlerMappings.orderedStream());
			return matrix(model, properties, schemes, mappings, context, SchemeVerifications.StackTypes.SERVLET);
		}

	}

	/**
	 * The matrix of a WebFlux application: the mappings of its reactive
	 * {@code RequestMappingInfoHandlerMapping}s.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping")
	static class ReactiveMatrixConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean
		SecurityMatrix nexiosSecurityMatrix(NexiosSecurityModel model, NexiosSecurityProperties properties,
				NexiosSecuritySchemes schemes,
				ObjectProvider<org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping> handlerMappings,
				ApplicationContext context) {
			Map<HandlerMethod, List<SecurityMatrices.Mapping>> mappings = ReactiveHandlerMethodKinds
				.operationMappings(handlerMappings.orderedStream());
			return matrix(model, properties, schemes, mappings, context, SchemeVerifications.StackTypes.REACTIVE);
		}

	}

	/**
	 * The actuator endpoint {@code nexios}, when the actuator is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	@ConditionalOnAvailableEndpoint(NexiosSecurityMatrixEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NexiosSecurityMatrixEndpoint nexiosSecurityMatrixEndpoint(ObjectProvider<SecurityMatrix> matrix) {
			return new NexiosSecurityMatrixEndpoint(matrix::getObject);
		}

	}

	private static SecurityMatrix matrix(NexiosSecurityModel model, NexiosSecurityProperties properties,
			NexiosSecuritySchemes schemes, Map<HandlerMethod, List<SecurityMatrices.Mapping>> mappings,
			ApplicationContext context, SchemeVerifications.StackTypes types) {
		return SecurityMatrices.of(model, mappings,
				PropertiesSecuritySchemes.requirements(properties.getDocs().getRequirements(), schemes),
				SchemeVerifications.of(model, properties, context, context.getEnvironment(), types));
	}

}
