package dev.nexios.spring.model;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param operations effective security by handler method (the {@link Method} that Spring MVC
 * invokes, as in {@code HandlerMethod#getMethod()}); unmodifiable
 */
public record NexiosSecurityModel(Map<String, SecuritySchemeDefinition> schemes,
		List<SecurityRequirement> defaultRequirements, Map<Method, OperationSecurity> operations) {

	public NexiosSecurityModel {
		schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
		defaultRequirements = List.copyOf(defaultRequirements);
		operations = Map.copyOf(operations);
	}

	/**
	 * The effective security of a handler method.
	 * @param handlerMethod the method Spring MVC dispatches to
	 * @return its security, or {@code null} when the method is not an application operation known to
	 * the model (for instance springdoc's own endpoints)
	 */
	public OperationSecurity operation(Method handlerMethod) {
		return this.operations.get(handlerMethod);
	}

	/**
	 * A declared scheme by name.
	 * @param name the scheme name, case-sensitive
	 * @return the scheme, or {@code null} when none of that name is declared
	 */
	public SecuritySchemeDefinition scheme(String name) {
		return this.schemes.get(name);
	}

}
