package dev.nexios.spring.web.reactive;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.nexios.spring.core.ActuatorEndpointIds;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;

import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Tells which actuator endpoint a handler of the reactive stack serves. Loaded only when Spring Boot's
 * actuator is on the class path. An endpoint handler is any handler of Spring Boot's
 * {@code AbstractWebFluxEndpointHandlerMapping} or of its {@code ControllerEndpointHandlerMapping};
 * its endpoint is the one whose path begins the mapping's pattern.
 */
public final class ReactiveActuatorEndpoints {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping",
			ReactiveActuatorEndpoints.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints",
					ReactiveActuatorEndpoints.class.getClassLoader());

	private static final String CONTROLLER_ENDPOINT_HANDLER_MAPPING = "org.springframework.boot.webflux.actuate.endpoint.web.ControllerEndpointHandlerMapping";

	private ReactiveActuatorEndpoints() {
	}

	/**
	 * Whether a mapping is one of Spring Boot's reactive actuator endpoint mappings.
	 * @param mapping the mapping
	 * @return {@code true} for an actuator endpoint mapping
	 */
	public static boolean isEndpointMapping(HandlerMapping mapping) {
		return PRESENT && mapping != null && (mapping instanceof AbstractWebFluxEndpointHandlerMapping
				|| CONTROLLER_ENDPOINT_HANDLER_MAPPING.equals(mapping.getClass().getName()));
	}

	static boolean isEndpointHandler(HandlerMethod handlerMethod) {
		Class<?> enclosing = handlerMethod.getBeanType().getEnclosingClass();
		return PRESENT && enclosing != null && AbstractWebFluxEndpointHandlerMapping.class.isAssignableFrom(enclosing);
	}

	/**
	 * The security of actuator handler methods as the document shows it, where springdoc documents
	 * them: the same as the enforcement's.
	 * @param context the application context that holds the endpoint mappings
	 * @param model the model
	 * @return the security of a handler method, {@code null} when it is not an actuator endpoint's
	 */
	public static Function<HandlerMethod, OperationSecurity> security(ApplicationContext context,
			NexiosSecurityModel model) {
		if (!PRESENT) {
			return (handlerMethod) -> null;
		}
		Map<HandlerMethod, OperationSecurity> known = new ConcurrentHashMap<>();
		return (handlerMethod) -> isEndpointHandler(handlerMethod) ? known.computeIfAbsent(handlerMethod,
				(key) -> model.actuator().endpoint(endpointId(context, key))) : null;
	}

	static String endpointId(ApplicationContext context, HandlerMethod handlerMethod) {
		for (AbstractWebFluxEndpointHandlerMapping mapping : context
			.getBeansOfType(AbstractWebFluxEndpointHandlerMapping.class, false, false)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				if (entry.getValue().equals(handlerMethod)) {
					return entry.getKey()
						.getPatternsCondition()
						.getPatterns()
						.stream()
						.map(PathPattern::getPatternString)
						.map((pattern) -> endpointId(context, pattern))
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null);
				}
			}
		}
		return null;
	}

	/**
	 * The endpoint ID of a mapping pattern.
	 * @see ActuatorEndpointIds#endpointId
	 */
	static String endpointId(ApplicationContext context, String pattern) {
		return ActuatorEndpointIds.endpointId(context, pattern);
	}

}
