package dev.nexios.spring.autoconfigure;

import java.util.List;

import dev.nexios.spring.core.HandlerKinds;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which handler methods are operations of the application, to be resolved into the model: every handler
 * method of a {@code RequestMappingInfoHandlerMapping} except springdoc's own endpoints, the error page
 * and actuator endpoints (which have their own security, {@code nexios.security.actuator.*}).
 */
final class HandlerMethodKinds {

	private static final List<String> ACTUATOR_HANDLER_MAPPINGS = List.of(
			"org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping",
			"org.springframework.boot.webmvc.actuate.endpoint.web.ControllerEndpointHandlerMapping");

	private HandlerMethodKinds() {
	}

	static boolean isOperation(HandlerMapping mapping, HandlerMethod handlerMethod) {
		return !HandlerKinds.isDocumentation(handlerMethod.getBeanType())
				&& !ErrorController.class.isAssignableFrom(handlerMethod.getBeanType()) && !isActuator(mapping);
	}

	private static boolean isActuator(HandlerMapping mapping) {
		ClassLoader classLoader = mapping.getClass().getClassLoader();
		return ACTUATOR_HANDLER_MAPPINGS.stream()
			.anyMatch((name) -> ClassUtils.isPresent(name, classLoader)
					&& ClassUtils.resolveClassName(name, classLoader).isInstance(mapping));
	}

}
