package dev.nexios.spring.model;

import java.util.List;

/**
 * The effective security of one operation: its security requirement alternatives (OR), and where
 * they were declared.
 *
 * <ul>
 * <li>no alternative at all: the operation is public ({@code security: []});</li>
 * <li>an {@linkplain SecurityRequirement#isAnonymous() anonymous} alternative among others:
 * authentication is optional;</li>
 * <li>otherwise: at least one alternative must be satisfied.</li>
 * </ul>
 *
 * @param requirements the alternatives, in declaration order; unmodifiable
 * @param origin where the requirements come from
 */
public record OperationSecurity(List<SecurityRequirement> requirements, Origin origin) {

	public OperationSecurity {
		requirements = List.copyOf(requirements);
	}

	/**
	 * Whether the operation is public: it has no requirement at all.
	 * @return {@code true} when no credential is ever checked
	 */
	public boolean isPublic() {
		return this.requirements.isEmpty();
	}

	/**
	 * Whether anonymous requests are accepted while credentials, if sent, must be valid.
	 * @return {@code true} when the empty requirement is among several alternatives
	 */
	public boolean isOptional() {
		return !isPublic() && this.requirements.stream().anyMatch(SecurityRequirement::isAnonymous);
	}

	/**
	 * Whether any alternative requires scopes, so that a 403 can be answered.
	 * @return {@code true} when at least one scope is required somewhere
	 */
	public boolean requiresScopes() {
		return this.requirements.stream().anyMatch(SecurityRequirement::requiresScopes);
	}

	/**
	 * Where the effective requirements of an operation come from.
	 */
	public enum Origin {

		/** {@code @NexiosSecured} or {@code @NexiosPublic} on the handler method. */
		METHOD,

		/** {@code @NexiosSecured} or {@code @NexiosPublic} on the controller class. */
		CLASS,

		/**
		 * No declaration: {@code nexios.security.default-requirements} (else {@code bearerAuth}), or
		 * public under {@code nexios.security.public-by-default}.
		 */
		DEFAULT,

		/** {@code nexios.security.actuator.*}: an actuator endpoint. */
		ACTUATOR

	}

}
