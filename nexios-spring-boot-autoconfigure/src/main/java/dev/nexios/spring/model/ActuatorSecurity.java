package dev.nexios.spring.model;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The security of actuator endpoints, by endpoint ID. By default it is Spring Boot's own rule: the
 * {@code health} endpoint is public, every other endpoint (and the links page) requires the default
 * requirements.
 *
 * @param requirements the alternatives of every endpoint that is not public
 * ({@code nexios.security.actuator.requirements}, else the default requirements); never empty
 * @param publicEndpoints IDs of the endpoints open to anonymous requests
 * ({@code nexios.security.actuator.public-endpoints}), e.g. {@code health}; unmodifiable
 */
public record ActuatorSecurity(List<SecurityRequirement> requirements, Set<String> publicEndpoints) {

	public ActuatorSecurity {
		requirements = List.copyOf(requirements);
		if (requirements.isEmpty()) {
			throw new IllegalArgumentException("requirements must not be empty: make endpoints public by ID");
		}
		publicEndpoints = Set.copyOf(publicEndpoints);
	}

	/**
	 * The security of one endpoint.
	 * @param endpointId the endpoint ID (e.g. {@code health}, {@code env}), or {@code null} for the
	 * links page at the actuator's base path
	 * @return the endpoint's security, with {@link OperationSecurity.Origin#ACTUATOR}
	 */
	public OperationSecurity endpoint(@Nullable String endpointId) {
		boolean open = endpointId != null && this.publicEndpoints.contains(endpointId);
		return new OperationSecurity(open ? List.of() : this.requirements, OperationSecurity.Origin.ACTUATOR);
	}

}
