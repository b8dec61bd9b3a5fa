package dev.nexios.spring.web.reactive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nexios.spring.core.CompiledOperation;
import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.DecisionObserver;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.core.SchemeAuthenticator;
import dev.nexios.spring.core.SchemeAuthenticators;
import dev.nexios.spring.core.SchemeCredential;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.core.SchemeOutcome;
import dev.nexios.spring.core.SecurityEvaluation;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Authenticates each request against the effective security requirements of the handler that WebFlux's
 * {@code DispatcherHandler} will use, as held by the {@link NexiosSecurityModel}, with the one
 * stack-neutral {@link SecurityEvaluation} that the servlet stack uses too. A refusal is written at once
 * as problem details with its challenges; a request let through carries its {@link Decision} for
 * Spring Security's {@code AuthorizationWebFilter}, and its {@link NexiosAuthentication} in the
 * reactive {@code SecurityContext}.
 *
 * <p>Unlike on the servlet stack, where schemes are verified one by one as the evaluation needs them,
 * every scheme of the operation whose credential the request carries is verified before the
 * evaluation: a request that sends credentials of several schemes has each verified.
 */
public final class NexiosWebFilter implements WebFilter {

	private final ReactiveOperationLookup lookup;

	private final SecurityEvaluation evaluation;

	private final ReactiveProblemResponses problems;

	private final ReactiveDecisionObservation observation;

	NexiosWebFilter(ReactiveOperationLookup lookup, CrossSiteRequests crossSite, ReactiveProblemResponses problems,
			DecisionObserver observer) {
		this.lookup = lookup;
		this.observation = new ReactiveDecisionObservation(observer);
		this.evaluation = new SecurityEvaluation(crossSite);
		this.problems = problems;
	}

	/**
	 * Creates the filter and every scheme's verifier, reading key material once.
	 * @param model the security model
	 * @param keyMaterial key material by scheme name
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param crossSite the cross-site protection of browser-sent credentials
	 * @param context the application context
	 * @param problems writes refusals
	 * @return the filter
	 */
	static NexiosWebFilter create(NexiosSecurityModel model, Map<String, SchemeKeyMaterial> keyMaterial,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, CrossSiteRequests crossSite,
			ApplicationContext context, ReactiveProblemResponses problems) {
		SchemeAuthenticators.Schemes<ReactiveAuthenticationManager> schemes = new SchemeAuthenticators(keyMaterial,
				context, context, System::getenv)
			.create(model, new ReactiveSchemeVerifiers(context));
		return new NexiosWebFilter(new ReactiveOperationLookup(model, schemes, docsRequirements, swaggerUiPrefix,
				new ReactiveHandlerResolver(context), context), crossSite, problems, DecisionObserver.of(context));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// observed (nexios.security.decision) and published as authentication events, when the application has them
		return this.lookup.lookup(exchange).flatMap((target) -> this.observation
			.observe(exchange, target.pattern(), decide(target.operation(), exchange))
			.flatMap((decision) -> {
				exchange.getAttributes().put(Decision.ATTRIBUTE, decision);
				if (!decision.isAllowed()) {
					// a refused cross-origin request carries the CORS headers, so that the browser shows the refusal
					target.corsHeaders().forEach((name, values) -> {
						if (!exchange.getResponse().getHeaders().containsHeader(name)) {
							exchange.getResponse().getHeaders().addAll(name, values);
						}
					});
					return this.problems.write(exchange, decision);
				}
				if (decision.authentication() == null) {
					return chain.filter(exchange);
				}
				return chain.filter(exchange)
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(decision.authentication()));
			}));
	}

	private Mono<Decision> decide(CompiledOperation operation, ServerWebExchange exchange) {
		ReactiveNexiosRequest request = new ReactiveNexiosRequest(exchange.getRequest());
		Decision early = this.evaluation.precheck(operation, request);
		if (early != null) {
			return Mono.just(early);
		}
		return Flux.fromIterable(operation.schemes())
			.concatMap((scheme) -> outcome(scheme, request).map((outcome) -> Map.entry(scheme, outcome)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.map((outcomes) -> this.evaluation.evaluate(operation, request, outcomes::get));
	}

	private Mono<SchemeOutcome> outcome(SchemeAuthenticator scheme, ReactiveNexiosRequest request) {
		SchemeCredential credential = scheme.read(request);
		if (credential.isResolved()) {
			return Mono.just(credential.outcome());
		}
		ReactiveAuthenticationManager verifier = this.lookup.verifier(scheme);
		if (verifier == null) {
			return Mono.just(scheme.unverifiable());
		}
		return Mono.defer(() -> verifier.authenticate(credential.unverified()))
			.map(scheme::verified)
			.defaultIfEmpty(scheme.verified(null))
			.onErrorResume(RuntimeException.class, (ex) -> Mono.fromCallable(() -> scheme.failed(ex)));
	}

}
