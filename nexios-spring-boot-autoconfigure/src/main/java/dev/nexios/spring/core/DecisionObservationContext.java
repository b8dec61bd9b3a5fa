package dev.nexios.spring.core;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one security decision, observed as
 * {@value DefaultDecisionObservationConvention#NAME}: what the decision was made on when it starts, and
 * the {@link Decision} once it is made. It never holds a credential.
 */
public final class DecisionObservationContext extends Observation.Context {

	private final String method;

	private final @Nullable String pattern;

	private @Nullable Decision decision;

	/**
	 * Creates a context.
	 * @param method the request method, as sent
	 * @param pattern the mapping pattern of the request's handler, e.g. {@code /items/{id}}; {@code null}
	 * when its handler mapping sets none
	 */
	public DecisionObservationContext(String method, @Nullable String pattern) {
		this.method = method;
		this.pattern = pattern;
	}

	/**
	 * The request method.
	 * @return the method, as sent (not normalized)
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The mapping pattern of the request's handler: never the raw path, so that it has a bounded number of
	 * values.
	 * @return the pattern, e.g. {@code /items/{id}}, or {@code null} when its handler mapping sets none
	 */
	public @Nullable String getPattern() {
		return this.pattern;
	}

	/**
	 * The decision.
	 * @return the decision; {@code null} until it is made, and when making it failed
	 */
	public @Nullable Decision getDecision() {
		return this.decision;
	}

	/**
	 * Records the decision.
	 * @param decision the decision
	 */
	public void setDecision(Decision decision) {
		this.decision = decision;
	}

}
