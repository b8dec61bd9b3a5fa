package dev.nexios.spring.model;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.method.HandlerMethod;

/**
 * The resolved, immutable security declaration of an application: the declared security schemes, the
 * default requirements, and the effective requirements of every Spring MVC handler method. It is the
 * single source that both the OpenAPI document and the request enforcement read.
 *
 * <p>Built once at startup by {@code NexiosSecurityModelResolver}; lookups are constant-time map reads.
 *
 * @param schemes declared schemes by name, in declaration order; unmodifiable
 * @param defaultRequirements the alternatives for operations that declare none (the root-level
 * {@code security} of the document); empty when there is no default
 * @param operations effective security by handler method (its controller class and the {@link Method}
 * that Spring MVC invokes); unmodifiable
 */
public record NexiosSecurityModel(Map<String, SecuritySchemeDefinition> schemes,
		List<SecurityRequirement> defaultRequirements, Map<HandlerKey, OperationSecurity> operations) {

	public NexiosSecurityModel {
		schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
		defaultRequirements = List.copyOf(defaultRequirements);
		operations = Map.copyOf(operations);
	}

	/**
	 * The effective security of a handler method.
	 * @param handlerMethod the handler method Spring MVC dispatches to
	 * @return its security, or {@code null} when the method is not an application operation known to
	 * the model (for instance springdoc's own endpoints)
	 */
	public OperationSecurity operation(HandlerMethod handlerMethod) {
		return this.operations.get(HandlerKey.of(handlerMethod));
	}

	/**
	 * A declared scheme by name.
	 * @param name the scheme name, case-sensitive
	 * @return the scheme, or {@code null} when none of that name is declared
	 */
	public SecuritySchemeDefinition scheme(String name) {
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
