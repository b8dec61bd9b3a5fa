package dev.nexios.spring.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * Evaluates the compiled security of an operation for one request, following OpenAPI 3.1 §4.8.30; the
 * one evaluation that both stacks' adapters use:
 * <ul>
 * <li>a public operation passes, its credentials ignored;</li>
 * <li>several {@code Authorization} headers get {@code 400};</li>
 * <li>when any alternative is satisfied (every scheme authenticated and holding the required scopes)
 * the request passes with a {@link NexiosAuthentication}; an alternative satisfied only through a
 * credential that browsers send on their own (HTTP Basic, a cookie API key) does not count for a
 * cross-site request with an unsafe method ({@code 403});</li>
 * <li>under optional authentication a request with no credential at all passes anonymously;</li>
 * <li>when some alternative authenticated but lacks scopes: {@code 403} with
 * {@code insufficient_scope} (RFC 6750 §3.1);</li>
 * <li>when a verifier cannot be reached: {@code 503};</li>
 * <li>otherwise {@code 401} with one {@code WWW-Authenticate} challenge per acceptable scheme.</li>
 * </ul>
 */
public final class SecurityEvaluation {

	private final CrossSiteRequests crossSite;

	/**
	 * Creates the evaluation.
	 * @param crossSite the cross-site protection of browser-sent credentials; {@code null} for none
	 */
	public SecurityEvaluation(CrossSiteRequests crossSite) {
		this.crossSite = (crossSite != null) ? crossSite : CrossSiteRequests.DISABLED;
	}

	/**
	 * Whether the request must be refused before any scheme reads it: several {@code Authorization}
	 * headers.
	 * @param operation the compiled security
	 * @param request the request
	 * @return the refusal, or {@code null}
	 */
	public Decision precheck(CompiledOperation operation, NexiosRequest request) {
		if (operation.isPublic()) {
			return Decision.allow(null, operation);
		}
		if (request.hasSeveral(HttpHeaders.AUTHORIZATION)) {
			return Decision.refuse(HttpStatus.BAD_REQUEST, "Several Authorization headers were sent; send one",
					List.of(), operation);
		}
		return null;
	}

	/**
	 * Decides a request.
	 * @param operation the compiled security
	 * @param request the request
	 * @param outcomes what each scheme made of the request's credential, asked at most once per scheme
	 * and only for schemes of the operation
	 * @return the decision
	 */
	public Decision evaluate(CompiledOperation operation, NexiosRequest request,
			Function<SchemeAuthenticator, SchemeOutcome> outcomes) {
		Decision early = precheck(operation, request);
		if (early != null) {
			return early;
		}
		Map<SchemeAuthenticator, SchemeOutcome> known = new IdentityHashMap<>(4);
		Function<SchemeAuthenticator, SchemeOutcome> outcome = (scheme) -> known.computeIfAbsent(scheme, outcomes);
		boolean refusedCrossSite = false;
		for (CompiledOperation.Alternative alternative : operation.alternatives()) {
			if (isSatisfied(alternative, outcome)) {
				if (alternative.sentByBrowser() && this.crossSite.isCrossSite(request)) {
					refusedCrossSite = true;
					continue;
				}
				Map<String, Authentication> authentications = new LinkedHashMap<>();
				Set<String> scopes = new LinkedHashSet<>();
				alternative.schemes().keySet().forEach((scheme) -> {
					SchemeOutcome result = outcome.apply(scheme);
					authentications.put(scheme.schemeName(), result.authentication());
					scopes.addAll(result.scopes());
				});
				return Decision.allow(new NexiosAuthentication(authentications, scopes), operation);
			}
		}
		if (refusedCrossSite) {
			return Decision.refuse(HttpStatus.FORBIDDEN, "A cross-site request cannot be authenticated with "
					+ "credentials that a browser sends on its own (HTTP Basic, a cookie); send a bearer token or "
					+ "a header API key, or make the request from this site", List.of(), operation);
		}
		operation.schemes().forEach(outcome::apply);
		if (operation.optional() && known.values().stream().allMatch(SchemeOutcome::isAbsent)) {
			return Decision.allow(null, operation);
		}
		for (CompiledOperation.Alternative alternative : operation.alternatives()) {
			boolean authenticated = alternative.schemes()
				.keySet()
				.stream()
				.allMatch((scheme) -> outcome.apply(scheme).isAuthenticated());
			if (authenticated) {
				Set<String> challenges = new LinkedHashSet<>();
				Set<String> missing = new LinkedHashSet<>();
				alternative.schemes().forEach((scheme, required) -> {
					List<String> lacking = required.stream()
						.filter((scope) -> !outcome.apply(scheme).scopes().contains(scope))
						.toList();
					if (!lacking.isEmpty()) {
						challenges.add(scheme.challenge(outcome.apply(scheme), required));
						missing.addAll(lacking);
					}
				});
				return Decision.refuse(HttpStatus.FORBIDDEN,
						"The credential does not grant the required scopes: " + String.join(" ", missing),
						new ArrayList<>(challenges), operation);
			}
		}
		List<String> unavailable = operation.schemes()
			.stream()
			.filter((scheme) -> outcome.apply(scheme).status() == SchemeOutcome.Status.UNAVAILABLE)
			.map(SchemeAuthenticator::schemeName)
			.toList();
		if (!unavailable.isEmpty()) {
			return Decision.refuse(HttpStatus.SERVICE_UNAVAILABLE, "The credential sent for "
					+ String.join(", ", unavailable) + " cannot be verified now; try again later", List.of(), operation);
		}
		Set<String> challenges = new LinkedHashSet<>();
		Map<String, SchemeOutcome> invalid = new LinkedHashMap<>();
		for (SchemeAuthenticator scheme : operation.schemes()) {
			SchemeOutcome result = outcome.apply(scheme);
			// an authenticated scheme of an alternative that another scheme failed is challenged anew
			challenges.add(scheme.challenge(result.isAuthenticated() ? SchemeOutcome.ABSENT : result, List.of()));
			if (result.status() == SchemeOutcome.Status.INVALID) {
				invalid.put(scheme.schemeName(), result);
			}
		}
		String detail = invalid.isEmpty() ? "Authentication is required: " + operation.description()
				: "The credential sent for " + String.join(", ", invalid.keySet()) + " is not valid; accepted: "
						+ operation.description();
		return Decision.unauthorized(detail, new ArrayList<>(challenges), invalid, operation);
	}

	/**
	 * The challenges of an operation for a caller that sent no credential, e.g. when method security
	 * refuses an anonymous caller of an optional operation.
	 * @param operation the compiled security
	 * @return one challenge per scheme
	 */
	public static List<String> challenges(CompiledOperation operation) {
		List<String> challenges = new ArrayList<>();
		operation.schemes().forEach((scheme) -> challenges.add(scheme.challenge(SchemeOutcome.ABSENT, List.of())));
		return challenges;
	}

	private static boolean isSatisfied(CompiledOperation.Alternative alternative,
			Function<SchemeAuthenticator, SchemeOutcome> outcome) {
		for (Map.Entry<SchemeAuthenticator, Set<String>> entry : alternative.schemes().entrySet()) {
			SchemeOutcome result = outcome.apply(entry.getKey());
			if (!result.isAuthenticated() || !result.scopes().containsAll(entry.getValue())) {
				return false;
			}
		}
		return true;
	}

}
