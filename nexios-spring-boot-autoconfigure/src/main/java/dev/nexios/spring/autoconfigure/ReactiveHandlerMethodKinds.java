package dev.nexios.spring.autoconfigure;

import java.util.Collection;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.nexios.spring.core.HandlerKinds;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which handler methods of a WebFlux application are operations, to be resolved into the model: every
 * handler method of a reactive {@code RequestMappingInfoHandlerMapping} except springdoc's own endpoints
 * and actuator endpoints (which have their own security, {@code nexios.security.actuator.*}).
 */
final class ReactiveHandlerMethodKinds {

	private static final Set<String> ACTUATOR_HANDLER_MAPPINGS = Set.of(
			"org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping",
			"org.springframework.boot.webflux.actuate.endpoint.web.ControllerEndpointHandlerMapping");

	private ReactiveHandlerMethodKinds() {
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
							info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList()));
			}
		}));
		return mappings;
	}

	static boolean isOperation(HandlerMapping mapping, HandlerMethod handlerMethod) {
		return !HandlerKinds.isDocumentation(handlerMethod.getBeanType()) && !isActuator(mapping);
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

	/**
	 * The operations of a mapping as springdoc documents them: each path with each HTTP method, every
	 * method when the mapping names none, and the API version when the mapping has one.
	 */
	static List<String> operations(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		Collection<RequestMethod> documented = methods.isEmpty() ? EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE))
				: methods;
		String version = (info.getVersionCondition() != null) ? info.getVersionCondition().getVersion() : null;
		String suffix = (version != null) ? " (version " + version + ")" : "";
		return info.getPatternsCondition()
			.getPatterns()
			.stream()
			.map(PathPattern::getPatternString)
			.flatMap((path) -> documented.stream().map((method) -> method.name() + " " + path + suffix))
			.toList();
	}

}
