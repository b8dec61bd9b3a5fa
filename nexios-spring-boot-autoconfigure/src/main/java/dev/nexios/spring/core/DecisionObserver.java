package dev.nexios.spring.core;

import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Makes the security decisions of both stacks observable, once per decision:
 * <ul>
 * <li>as the Micrometer observation {@value DefaultDecisionObservationConvention#NAME} (a timer with
 * Spring Boot's actuator, a span with a tracer), when the application has an {@link ObservationRegistry}
 * with handlers;</li>
 * <li>as Spring Security's authentication events, through the application's
 * {@link AuthenticationEventPublisher} (Spring Boot auto-configures one): a success for a request let
 * through with a satisfied requirement (the {@link NexiosAuthentication}), and a failure
 * ({@code BadCredentialsException} with a {@link RejectedCredential}) for each credential that was sent
 * and refused. A request without a credential publishes nothing, nor does a credential that was verified
 * but refused for another reason (missing scopes, a cross-site request).</li>
 * </ul>
 * With neither, a decision costs one null check and one {@link ObservationRegistry#isNoop()} call more.
 */
public final class DecisionObserver {

	private static final DecisionObservationConvention DEFAULT_CONVENTION = new DefaultDecisionObservationConvention();

	/** Observes nothing. */
	public static final DecisionObserver NONE = new DecisionObserver(null, null, null);

	private final @Nullable ObservationRegistry registry;

	private final @Nullable DecisionObservationConvention convention;

	private final @Nullable AuthenticationEventPublisher events;

	/**
	 * Creates an observer.
	 * @param registry where decisions are observed; {@code null} or {@link ObservationRegistry#NOOP} for
	 * nowhere
	 * @param convention the convention; {@code null} for a global one or the default
	 * @param events where authentication events are published; {@code null} for nowhere
	 */
	public DecisionObserver(@Nullable ObservationRegistry registry, @Nullable DecisionObservationConvention convention,
			@Nullable AuthenticationEventPublisher events) {
		this.registry = (registry != null && registry != ObservationRegistry.NOOP) ? registry : null;
		this.convention = convention;
		this.events = events;
	}

	/**
	 * The observer of an application: its unique {@link ObservationRegistry},
	 * {@link DecisionObservationConvention} and {@link AuthenticationEventPublisher} beans, each when there is
	 * one.
	 * @param beans the application context
	 * @return the observer
	 */
	public static DecisionObserver of(BeanFactory beans) {
		return new DecisionObserver(beans.getBeanProvider(ObservationRegistry.class).getIfUnique(),
				beans.getBeanProvider(DecisionObservationConvention.class).getIfUnique(),
				beans.getBeanProvider(AuthenticationEventPublisher.class).getIfUnique());
	}

	/**
	 * Whether decisions are observed: there is a registry with handlers. Cheap enough to ask per request.
	 * @return {@code true} when {@link #start} gives an observation
	 */
	public boolean isObserving() {
		ObservationRegistry registry = this.registry;
		return registry != null && !registry.isNoop();
	}

	/**
	 * Whether authentication events are published.
	 * @return {@code true} when there is an {@code AuthenticationEventPublisher}
	 */
	public boolean isPublishing() {
		return this.events != null;
	}

	/**
	 * Makes a decision and observes it; the caller's current observation, if any, is its parent. For a
	 * stack that decides on the calling thread.
	 * @param <O> the type of what the decision is made on
	 * @param <R> the type of the request
	 * @param method the request method
	 * @param pattern the mapping pattern of the request's handler, or {@code null}
	 * @param operation what the decision is made on
	 * @param request the request
	 * @param evaluation makes the decision
	 * @return the decision
	 */
	public <O, R> Decision observe(String method, @Nullable String pattern, O operation, R request,
			BiFunction<O, R, Decision> evaluation) {
		if (!isObserving()) {
			Decision decision = evaluation.apply(operation, request);
			publish(decision);
			return decision;
		}
		DecisionObservationContext context = new DecisionObservationContext(method, pattern);
		return observation(context, null).observe(() -> {
			Decision decision = evaluation.apply(operation, request);
			context.setDecision(decision);
			publish(decision);
			return decision;
		});
	}

	/**
	 * Starts the observation of a decision, for a stack that decides asynchronously; end it with
	 * {@link #stop} or {@link #error}.
	 * @param method the request method
	 * @param pattern the mapping pattern of the request's handler, or {@code null}
	 * @param parent the observation of the request, or {@code null}
	 * @return the started observation; {@link Observation#NOOP} when {@link #isObserving() not observing}
	 */
	public Observation start(String method, @Nullable String pattern, @Nullable Observation parent) {
		if (!isObserving()) {
			return Observation.NOOP;
		}
		return observation(new DecisionObservationContext(method, pattern), parent).start();
	}

	/**
	 * Ends the observation of a decision that was made, and publishes its authentication events.
	 * @param observation the observation from {@link #start}
	 * @param decision the decision
	 */
	public void stop(Observation observation, Decision decision) {
		if (observation.getContext() instanceof DecisionObservationContext context) {
			context.setDecision(decision);
		}
		// the events are published in the observation's scope (listeners see it as the current one)
		Observation.Scope scope = observation.openScope();
		try {
			publish(decision);
		}
		finally {
			scope.close();
			observation.stop();
		}
	}

	/**
	 * Ends the observation of a decision that could not be made.
	 * @param observation the observation from {@link #start}
	 * @param error why
	 */
	public void error(Observation observation, Throwable error) {
		observation.error(error);
		observation.stop();
	}

	private Observation observation(DecisionObservationContext context, @Nullable Observation parent) {
		Observation observation = Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation;
	}

	/**
	 * Publishes the authentication events of a decision.
	 * @param decision the decision
	 */
	public void publish(Decision decision) {
		AuthenticationEventPublisher events = this.events;
		if (events == null) {
			return;
		}
		if (decision.isAllowed()) {
			if (decision.authentication() != null) {
				events.publishAuthenticationSuccess(decision.authentication());
			}
			return;
		}
		for (Map.Entry<String, SchemeOutcome> rejected : decision.rejected().entrySet()) {
			String description = rejected.getValue().errorDescription();
			events.publishAuthenticationFailure(new BadCredentialsException("The credential sent for "
					+ rejected.getKey() + " is not valid" + ((description != null) ? ": " + description : "")),
					new RejectedCredential(rejected.getKey()));
		}
	}

}
