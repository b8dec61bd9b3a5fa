package dev.nexios.spring.web.reactive;

import java.util.function.Consumer;

import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.DecisionObserver;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Observes the decisions of the reactive stack with the stack-neutral {@link DecisionObserver}: the
 * observation runs from subscription to the decision, a child of the request's observation (Spring
 * WebFlux's {@code http.server.requests}, in the Reactor context), and the decision's authentication
 * events are published once it is made. Without a registry or a publisher the decision is returned as is.
 */
final class ReactiveDecisionObservation {

	/**
	 * Where the current observation is in the Reactor context: Micrometer's
	 * {@code OBSERVATION_KEY}, named here so that context-propagation is not needed.
	 */
	static final String OBSERVATION_KEY = "micrometer.observation";

	private final DecisionObserver observer;

	private final Consumer<Decision> publish;

	ReactiveDecisionObservation(DecisionObserver observer) {
		this.observer = observer;
		this.publish = observer::publish;
	}

	/**
	 * Observes a decision.
	 * @param exchange the exchange
	 * @param pattern the mapping pattern of its handler, or {@code null}
	 * @param decision the decision, made on subscription
	 * @return the observed decision
	 */
	Mono<Decision> observe(ServerWebExchange exchange, @Nullable String pattern, Mono<Decision> decision) {
		if (!this.observer.isObserving()) {
			return this.observer.isPublishing() ? decision.doOnNext(this.publish) : decision;
		}
		String method = exchange.getRequest().getMethod().name();
		return Mono.deferContextual((reactorContext) -> {
			Observation parent = reactorContext.getOrDefault(OBSERVATION_KEY, null);
			Observation observation = this.observer.start(method, pattern, parent);
			return decision.doOnNext((made) -> this.observer.stop(observation, made))
				.doOnError((ex) -> this.observer.error(observation, ex))
				.doOnCancel(observation::stop)
				.contextWrite((context) -> context.put(OBSERVATION_KEY, observation));
		});
	}

}
