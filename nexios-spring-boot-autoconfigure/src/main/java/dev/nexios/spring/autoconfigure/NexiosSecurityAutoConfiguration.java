package dev.nexios.spring.autoconfigure;

import java.util.List;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecurityModelResolver;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.model.NexiosSecuritySchemesCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Auto-configuration of the security declaration: the scheme registry and the resolved
 * {@link NexiosSecurityModel} that the OpenAPI document and the enforcement both read.
 */
@AutoConfiguration(after = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
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

	@Bean
	@ConditionalOnMissingBean
	NexiosSecurityModel nexiosSecurityModel(NexiosSecurityProperties properties, NexiosSecuritySchemes schemes,
			ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		List<HandlerMethod> handlerMethods = handlerMappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().values().stream())
			.filter((handlerMethod) -> !handlerMethod.getBeanType().getName().startsWith("org.springdoc."))
			.distinct()
			.toList();
		return NexiosSecurityModelResolver.resolve(schemes,
				PropertiesSecuritySchemes.requirements(properties.getDefaultRequirements(), schemes),
				"nexios.security.default-requirements", handlerMethods);
	}

}
