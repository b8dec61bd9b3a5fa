package dev.nexios.spring.autoconfigure;

import java.util.Set;

import dev.nexios.spring.core.HandlerKinds;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which handler methods are operations of the application, to be resolved into the model: every handler
 * method of a {@code RequestMappingInfoHandlerMapping} except springdoc's own endpoints, the error page
 * and actuator endpoints (which have their own security, {@code nexios.security.actuator.*}).
 */
final class HandlerMethodKinds {

	private static final Set<String> ACTUATOR_HANDLER_MAPPINGS = Set.of(
			"org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping",
			"org.springframework.boot.webmvc.actuate.endpoint.web.ControllerEndpointHandlerMapping");

	private HandlerMethodKinds() {
	}

	static boolean isOperation(HandlerMapping mapping, HandlerMethod handlerMethod) {
		return !HandlerKinds.isDocumentation(handlerMethod.getBeanType())
				&& !ErrorController.class.isAssignableFrom(handlerMethod.getBeanType()) && !isActuator(mapping);
	}

	private static boolean isActuator(HandlerMapping mapping) {
		// by the names of its superclasses: no class loading per handler method
		for (Class<?> type = mapping.getClass(); type != null; type = type.getSuperclass()) {
			if (ACTUATOR_HANDLER_MAPPINGS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

}
