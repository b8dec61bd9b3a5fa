package dev.nexios.spring.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of security decisions. Declare a bean of this type to replace
 * {@link DefaultDecisionObservationConvention} (e.g. extend it and add key values); a
 * {@code GlobalObservationConvention} registered with the {@code ObservationRegistry} is used when there
 * is none.
 */
public interface DecisionObservationConvention extends ObservationConvention<DecisionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof DecisionObservationContext;
	}

}
