package dev.nexios.spring.model;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.method.HandlerMethod;

import org.jspecify.annotations.Nullable;

/**
 * The resolved, immutable security declaration of an application: the declared security schemes, the
 * default requirements, the effective requirements of every Spring MVC handler method, and the
 * requirements of what is not an operation (actuator endpoints, any other request). It is the single
 * source that both the OpenAPI document and the request enforcement read.
 *
 * <p>Built once at startup by {@code NexiosSecurityModelResolver}; lookups are constant-time map reads.
 * Nothing is open unless declared: {@link #uncoveredRequirements()} is never empty.
 *
 * @param schemes declared schemes by name, in declaration order; unmodifiable
 * @param defaultRequirements the alternatives for operations that declare none (the root-level
 * {@code security} of the document): {@code nexios.security.default-requirements}, else
 * {@code bearerAuth}; empty only when {@code nexios.security.public-by-default} is set
 * @param uncoveredRequirements the alternatives for requests that reach no operation of the model (a
 * handler the model does not know, another servlet, a failed handler lookup): the default
 * requirements even when operations are public by default; never empty
 * @param actuator the security of actuator endpoints
 * @param operations effective security by handler method (its controller class and the {@link Method}
 * that Spring MVC invokes); unmodifiable
 */
public record NexiosSecurityModel(Map<String, SecuritySchemeDefinition> schemes,
		List<SecurityRequirement> defaultRequirements, List<SecurityRequirement> uncoveredRequirements,
		ActuatorSecurity actuator, Map<HandlerKey, OperationSecurity> operations) {

	public NexiosSecurityModel {
		schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
		defaultRequirements = List.copyOf(defaultRequirements);
		uncoveredRequirements = List.copyOf(uncoveredRequirements);
		if (uncoveredRequirements.isEmpty()) {
			throw new IllegalArgumentException("uncoveredRequirements must not be empty: what is not declared is closed");
		}
		operations = Map.copyOf(operations);
	}

	/**
	 * Whether operations without a declaration are public ({@code nexios.security.public-by-default}).
	 * @return {@code true} when the default requirements are empty
	 */
	public boolean isPublicByDefault() {
		return this.defaultRequirements.isEmpty();
	}

	/**
	 * The effective security of a handler method.
	 * @param handlerMethod the handler method Spring MVC dispatches to
	 * @return its security, or {@code null} when the method is not an application operation known to
	 * the model (for instance springdoc's own endpoints)
	 */
	public @Nullable OperationSecurity operation(HandlerMethod handlerMethod) {
		return this.operations.get(HandlerKey.of(handlerMethod));
	}

	/**
	 * A declared scheme by name.
	 * @param name the scheme name, case-sensitive
	 * @return the scheme, or {@code null} when none of that name is declared
	 */
	public @Nullable SecuritySchemeDefinition scheme(String name) {
		return this.schemes.get(name);
	}

	/**
	 * Identifies a handler method. The {@link Method} alone does not: a method inherited unchanged by
	 * two controllers is one {@code Method} (declared by their common superclass), yet each controller
	 * declares its own security.
	 *
	 * @param beanType the controller class, as in {@code HandlerMethod#getBeanType()} (the user class,
	 * never a CGLIB proxy)
	 * @param method the method Spring MVC invokes, as in {@code HandlerMethod#getMethod()}
	 */
	public record HandlerKey(Class<?> beanType, Method method) {

		/**
		 * The key of a handler method.
		 * @param handlerMethod the handler method
		 * @return its key
		 */
		public static HandlerKey of(HandlerMethod handlerMethod) {
			return new HandlerKey(handlerMethod.getBeanType(), handlerMethod.getMethod());
		}

	}

}
