package dev.nexios.spring.web.servlet;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.nexios.spring.core.ActuatorEndpointIds;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;

import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Tells which actuator endpoint a handler serves. Loaded only when Spring Boot's actuator is on the
 * class path. An endpoint handler is any handler of Spring Boot's {@code AbstractWebMvcEndpointHandlerMapping}
 * (on the application's port or in the management context); its endpoint is the one whose path
 * ({@code management.endpoints.web.base-path} + its root path, or one of its additional paths such as a
 * health group's) begins the mapping's pattern.
 */
public final class ActuatorEndpoints {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping",
			ActuatorEndpoints.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints",
					ActuatorEndpoints.class.getClassLoader());

	private static final String CONTROLLER_ENDPOINT_HANDLER_MAPPING = "org.springframework.boot.webmvc.actuate.endpoint.web.ControllerEndpointHandlerMapping";

	private ActuatorEndpoints() {
	}

	/**
	 * Whether a mapping is one of Spring Boot's actuator endpoint mappings.
	 * @param mapping the mapping that returned a handler
	 * @return {@code true} for an actuator endpoint mapping
	 */
	static boolean isEndpointMapping(HandlerMapping mapping) {
		// ControllerEndpointHandlerMapping (@ControllerEndpoint) is named: it is deprecated for removal
		return PRESENT && (mapping instanceof AbstractWebMvcEndpointHandlerMapping
				|| CONTROLLER_ENDPOINT_HANDLER_MAPPING.equals(mapping.getClass().getName()));
	}

	/**
	 * Whether a handler method is an actuator endpoint's, whichever mapping returned it (the management
	 * context's {@code DispatcherServlet} asks one composite mapping): the handlers that Spring Boot's
	 * endpoint mappings register are classes nested in those mappings.
	 * @param handlerMethod the handler method
	 * @return {@code true} for an endpoint operation or the links page
	 */
	static boolean isEndpointHandler(HandlerMethod handlerMethod) {
		Class<?> enclosing = handlerMethod.getBeanType().getEnclosingClass();
		return PRESENT && enclosing != null && AbstractWebMvcEndpointHandlerMapping.class.isAssignableFrom(enclosing);
	}

	/**
	 * The security of actuator handler methods as the document shows it, where springdoc documents
	 * them ({@code springdoc.show-actuator}): the same as the enforcement's.
	 * @param context the application context that holds the endpoint mappings
	 * @param model the model
	 * @return the security of a handler method, {@code null} when it is not an actuator endpoint's
	 */
	public static Function<HandlerMethod, OperationSecurity> security(ApplicationContext context,
			NexiosSecurityModel model) {
		Map<HandlerMethod, OperationSecurity> known = new ConcurrentHashMap<>();
		return (handlerMethod) -> isEndpointHandler(handlerMethod) ? known.computeIfAbsent(handlerMethod,
				(key) -> model.actuator().endpoint(endpointId(context, key))) : null;
	}

	/**
	 * The endpoint ID of an actuator handler method of the application context, as springdoc documents
	 * it ({@code springdoc.show-actuator}).
	 * @param context the application context that holds the endpoint mappings
	 * @param handlerMethod a handler method
	 * @return the endpoint ID, or {@code null} for the links page, or when the handler method is not an
	 * actuator endpoint's
	 */
	static String endpointId(ApplicationContext context, HandlerMethod handlerMethod) {
		if (!PRESENT || !isEndpointHandler(handlerMethod)) {
			return null;
		}
		for (AbstractWebMvcEndpointHandlerMapping mapping : context
			.getBeansOfType(AbstractWebMvcEndpointHandlerMapping.class, false, false)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				if (entry.getValue().equals(handlerMethod)) {
					return entry.getKey()
						.getPatternValues()
						.stream()
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
