package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.nexios.spring.core.HandlerKinds;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

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

	/**
	 * The mappings of the operations' handler methods, in the mappings' order.
	 */
	static Map<HandlerMethod, List<SecurityMatrices.Mapping>> operationMappings(
			Stream<RequestMappingInfoHandlerMapping> handlerMappings) {
		Map<HandlerMethod, List<SecurityMatrices.Mapping>> mappings = new LinkedHashMap<>();
		handlerMappings.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handlerMethod) -> {
			if (isOperation(mapping, handlerMethod)) {
				mappings.computeIfAbsent(handlerMethod, (key) -> new ArrayList<>())
					.add(SecurityMatrices.Mapping.of(info.getMethodsCondition().getMethods(),
							List.copyOf(info.getPatternValues())));
			}
		}));
		return mappings;
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
