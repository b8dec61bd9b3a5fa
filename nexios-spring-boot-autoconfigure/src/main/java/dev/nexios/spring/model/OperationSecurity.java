package dev.nexios.spring.model;

import java.lang.annotation.Annotation;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
 * @param annotation for {@link Origin#METHOD} and {@link Origin#CLASS}: the annotation, as written on
 * the method or class (or on what it overrides or extends), that declares the requirements —
 * {@code NexiosSecured}, {@code NexiosPublic}, or an annotation of the application that is
 * meta-annotated with one of them; {@code null} for the other origins
 */
public record OperationSecurity(List<SecurityRequirement> requirements, Origin origin,
		@Nullable Class<? extends Annotation> annotation) {

	public OperationSecurity {
		requirements = List.copyOf(requirements);
	}

	/**
	 * The security of an operation without a recorded annotation.
	 * @param requirements the alternatives, in declaration order
	 * @param origin where the requirements come from
	 */
	public OperationSecurity(List<SecurityRequirement> requirements, Origin origin) {
		this(requirements, origin, null);
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
