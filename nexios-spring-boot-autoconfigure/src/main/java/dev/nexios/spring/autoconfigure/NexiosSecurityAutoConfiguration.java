package dev.nexios.spring.autoconfigure;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecurityModelResolver;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.model.NexiosSecuritySchemesCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Auto-configuration of the security declaration: the scheme registry and the resolved
 * {@link NexiosSecurityModel} that the OpenAPI document and the enforcement both read.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration" })
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NexiosSecurityProperties.class)
public class NexiosSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	NexiosSecuritySchemes nexiosSecuritySchemes(NexiosSecurityProperties properties,
			ObjectProvider<NexiosSecuritySchemesCustomizer> customizers) {
		NexiosSecuritySchemes schemes = new NexiosSecuritySchemes();
		PropertiesSecuritySchemes.register(properties, schemes);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(schemes));
		return schemes;
	}

	/**
	 * The model of a Spring MVC application: the handler methods of its {@code RequestMappingInfoHandlerMapping}s.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(RequestMappingInfoHandlerMapping.class)
	static class ServletModelConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NexiosSecurityModel nexiosSecurityModel(NexiosSecurityProperties properties, NexiosSecuritySchemes schemes,
				ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
			Map<HandlerMethod, Set<String>> handlerMethods = new LinkedHashMap<>();
			handlerMappings.orderedStream()
				.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handlerMethod) -> {
					// springdoc's endpoints and the error page are not operations of the application
					if (HandlerMethodKinds.isOperation(mapping, handlerMethod)) {
						handlerMethods.computeIfAbsent(handlerMethod, (key) -> new LinkedHashSet<>()).addAll(operations(info));
					}
				}));
			return resolve(properties, schemes, handlerMethods);
		}

		/**
		 * The operations of a mapping as springdoc documents them: each path with each HTTP method, every
		 * method when the mapping names none, and the API version when the mapping has one.
		 */
		private static List<String> operations(RequestMappingInfo info) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Collection<RequestMethod> documented = methods.isEmpty() ? EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE))
					: methods;
			String version = (info.getVersionCondition() != null) ? info.getVersionCondition().getVersion() : null;
			String suffix = (version != null) ? " (version " + version + ")" : "";
			return info.getPatternValues()
				.stream()
				.flatMap((path) -> documented.stream().map((method) -> method.name() + " " + path + suffix))
				.toList();
		}

	}

	/**
	 * The model of a WebFlux application: the handler methods of its reactive
	 * {@code RequestMappingInfoHandlerMapping}s, resolved by the same {@link NexiosSecurityModelResolver}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping")
	static class ReactiveModelConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NexiosSecurityModel nexiosSecurityModel(NexiosSecurityProperties properties, NexiosSecuritySchemes schemes,
				ObjectProvider<org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping> handlerMappings) {
			Map<HandlerMethod, Set<String>> handlerMethods = new LinkedHashMap<>();
			handlerMappings.orderedStream()
				.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handlerMethod) -> {
					if (ReactiveHandlerMethodKinds.isOperation(mapping, handlerMethod)) {
						handlerMethods.computeIfAbsent(handlerMethod, (key) -> new LinkedHashSet<>())
							.addAll(ReactiveHandlerMethodKinds.operations(info));
					}
				}));
			return resolve(properties, schemes, handlerMethods);
		}

	}

	static NexiosSecurityModel resolve(NexiosSecurityProperties properties, NexiosSecuritySchemes schemes,
			Map<HandlerMethod, Set<String>> handlerMethods) {
		NexiosSecurityModel model = NexiosSecurityModelResolver.resolve(schemes,
				new NexiosSecurityModelResolver.Defaults(
						PropertiesSecuritySchemes.requirements(properties.getDefaultRequirements(), schemes),
						"nexios.security.default-requirements", properties.isPublicByDefault(),
						PropertiesSecuritySchemes.requirements(properties.getActuator().getRequirements(), schemes),
						properties.getActuator().getPublicEndpoints()),
				handlerMethods.keySet(), handlerMethods::get);
		PublicOperationsReport.log(model, handlerMethods);
		return model;
	}

}
