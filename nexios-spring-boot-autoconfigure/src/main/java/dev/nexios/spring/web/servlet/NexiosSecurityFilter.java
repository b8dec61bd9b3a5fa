package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.nexios.spring.core.CompiledOperation;
import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.DecisionObserver;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.core.NexiosRequest;
import dev.nexios.spring.core.SchemeAuthenticator;
import dev.nexios.spring.core.SchemeAuthenticators;
import dev.nexios.spring.core.SchemeCredential;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.core.SchemeOutcome;
import dev.nexios.spring.core.SecurityEvaluation;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.GenericFilterBean;

/**
 * Authenticates each dispatch of a request against the effective security requirements of the handler
 * that Spring MVC will really dispatch it to, as held by the {@link NexiosSecurityModel}, and records the
 * {@link Decision} for Spring Security's {@code AuthorizationFilter}, which lets the dispatch through or
 * refuses it.
 *
 * <p>Per dispatch (REQUEST, and FORWARD, INCLUDE, ERROR and ASYNC dispatches that reach a handler not yet
 * let through for this request): the handler is resolved through the {@code DispatcherServlet}'s own
 * handler mappings and classified ({@code OperationLookup}); its precompiled requirements are then
 * evaluated by the stack-neutral {@link SecurityEvaluation}, following OpenAPI 3.1 §4.8.30:
 * <ul>
 * <li>a public operation passes, its credentials ignored;</li>
 * <li>when any alternative is satisfied (every scheme authenticated and holding the required scopes)
 * the request passes with a {@link NexiosAuthentication} in the {@code SecurityContext}; an alternative
 * satisfied only through a credential that browsers send on their own (HTTP Basic, a cookie API key)
 * does not count for a cross-site request with an unsafe method ({@code 403});</li>
 * <li>under optional authentication a request with no credential at all passes anonymously;</li>
 * <li>when some alternative authenticated but lacks scopes: {@code 403} with
 * {@code insufficient_scope} (RFC 6750 §3.1);</li>
 * <li>when a verifier cannot be reached: {@code 503};</li>
 * <li>otherwise {@code 401} with one {@code WWW-Authenticate} challenge per acceptable scheme.</li>
 * </ul>
 * Several {@code Authorization} headers get {@code 400}. A request sent straight to the error page
 * ({@code /error}) gets {@code 404}: the error page renders only ERROR dispatches.
 */
public final class NexiosSecurityFilter extends GenericFilterBean {

	/** The handlers already let through for this request, so that a dispatch to one is not re-checked. */
	private static final String ALLOWED_HANDLERS = NexiosSecurityFilter.class.getName() + ".ALLOWED_HANDLERS";

	/** The refusal of an include, which the including dispatch answers with. */
	private static final String INCLUDE_REFUSAL = NexiosSecurityFilter.class.getName() + ".INCLUDE_REFUSAL";

	private final OperationLookup lookup;

	private final SecurityEvaluation evaluation;

	private static final WebAuthenticationDetailsSource DETAILS = new WebAuthenticationDetailsSource();

	private final SecurityContextHolderStrategy contextHolder;

	private final SecurityContextRepository contextRepository;

	private NexiosProblemResponses problems;

	private final DecisionObserver observer;

	private final BiFunction<CompiledOperation, HttpServletRequest, Decision> evaluator = this::evaluate;

	/**
	 * Creates the filter and every scheme authenticator, reading key material once.
	 * @param model the security model
	 * @param keyMaterial key material by scheme name ({@code nexios.security.schemes.<name>.jwt}, ...)
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param crossSite the cross-site protection of browser-sent credentials
	 * @param context the application context, source of the handler mappings and of the beans that
	 * schemes use ({@code JwtDecoder}, {@code OpaqueTokenIntrospector}, {@code UserDetailsService},
	 * {@code PasswordEncoder}, {@link dev.nexios.spring.core.ApiKeyAuthenticator})
	 * @param contextHolder the application's {@code SecurityContextHolderStrategy}
	 * @param contextRepository where the authenticated {@code SecurityContext} is saved for the request
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public NexiosSecurityFilter(NexiosSecurityModel model, Map<String, SchemeKeyMaterial> keyMaterial,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, CrossSiteRequests crossSite,
			ApplicationContext context, SecurityContextHolderStrategy contextHolder,
			SecurityContextRepository contextRepository) {
		this(new OperationLookup(model,
				new SchemeAuthenticators(keyMaterial, context, context, System::getenv).create(model,
						new ServletSchemeVerifiers(context)),
				docsRequirements, swaggerUiPrefix, new DispatchHandlerResolver(context), context), crossSite,
				contextHolder, contextRepository, DecisionObserver.of(context));
	}

	NexiosSecurityFilter(OperationLookup lookup, CrossSiteRequests crossSite,
			SecurityContextHolderStrategy contextHolder, SecurityContextRepository contextRepository,
			DecisionObserver observer) {
		this.lookup = lookup;
		this.observer = observer;
		this.evaluation = new SecurityEvaluation(crossSite);
		this.contextHolder = (contextHolder != null) ? contextHolder : SecurityContextHolder.getContextHolderStrategy();
		this.contextRepository = (contextRepository != null) ? contextRepository
				: new RequestAttributeSecurityContextRepository();
		this.problems = new NexiosProblemResponses(this.contextHolder);
	}

	/**
	 * Sets the writer of the refusals that the filter answers itself (an include's, a direct request for
	 * the error page), so that they carry what the chain's other refusals carry.
	 */
	void setProblemResponses(NexiosProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		OperationLookup.Target target = this.lookup.lookup(request);
		if (target.errorPage()) {
			if (request.getDispatcherType() == DispatcherType.REQUEST) {
				// the error page renders ERROR dispatches; asked for directly, it has nothing to show
				this.problems.write(request, response, HttpStatus.NOT_FOUND, "No operation is mapped to this path",
						List.of());
				return;
			}
			// renders an error of a dispatch that was decided already
			decide(request, response, chain, Decision.allow(null, target.operation()), target);
			return;
		}
		if (request.getDispatcherType() != DispatcherType.REQUEST && isAllowed(request, target.handler())) {
			decide(request, response, chain, Decision.allow(null, target.operation()), target);
			return;
		}
		// observed (nexios.security.decision) and published as authentication events, when the application has them
		decide(request, response, chain, this.observer.observe(request.getMethod(), target.dispatch().pattern(), target.operation(),
				request, this.evaluator), target);
	}

	private void decide(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			Decision decision, OperationLookup.Target target) throws IOException, ServletException {
		if (!decision.isAllowed() && request.getDispatcherType() == DispatcherType.INCLUDE) {
			// an included handler cannot set the status or headers (Servlet 6.1 §9.3): it is not run, and
			// the including dispatch answers with the refusal once its own handler returns
			request.setAttribute(INCLUDE_REFUSAL, decision);
			return;
		}
		Object previousDecision = request.getAttribute(Decision.ATTRIBUTE);
		request.setAttribute(Decision.ATTRIBUTE, decision);
		Supplier<SecurityContext> previous = null;
		if (decision.isAllowed()) {
			allow(request, target.handler());
			if (decision.authentication() != null) {
				previous = this.contextHolder.getDeferredContext();
				SecurityContext context = this.contextHolder.createEmptyContext();
				context.setAuthentication(decision.authentication());
				this.contextHolder.setContext(context);
				this.contextRepository.saveContext(context, request, response);
			}
		}
		// the dispatcher and the CORS filter use the handler resolved here (the pattern lookup runs once)
		Object previousDispatch = request.getAttribute(DispatchHandlerResolver.Dispatch.ATTRIBUTE);
		request.setAttribute(DispatchHandlerResolver.Dispatch.ATTRIBUTE, target.dispatch());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previousDispatch != null) {
				request.setAttribute(DispatchHandlerResolver.Dispatch.ATTRIBUTE, previousDispatch);
			}
			else {
				request.removeAttribute(DispatchHandlerResolver.Dispatch.ATTRIBUTE);
			}
			if (previous != null) {
				// a nested dispatch (an include) gives the including handler its own caller back
				this.contextHolder.setDeferredContext(previous);
			}
			if (request.getDispatcherType() != DispatcherType.REQUEST && previousDecision != null) {
				request.setAttribute(Decision.ATTRIBUTE, previousDecision);
			}
		}
		if (request.getDispatcherType() != DispatcherType.INCLUDE
				&& request.getAttribute(INCLUDE_REFUSAL) instanceof Decision refusal) {
			request.removeAttribute(INCLUDE_REFUSAL);
			if (!response.isCommitted()) {
				this.problems.write(request, response, refusal.status(), refusal.detail(), refusal.challenges());
			}
		}
	}

	/**
	 * Remembers a handler let through for this request: most requests have one dispatch, and one handler.
	 */
	private static void allow(HttpServletRequest request, Object handler) {
		Object allowed = request.getAttribute(ALLOWED_HANDLERS);
		if (!(allowed instanceof List<?> handlers)) {
			request.setAttribute(ALLOWED_HANDLERS, List.of(handler));
		}
		else if (!handlers.contains(handler)) {
			List<Object> more = new ArrayList<>(handlers);
			more.add(handler);
			request.setAttribute(ALLOWED_HANDLERS, more);
		}
	}

	private static boolean isAllowed(HttpServletRequest request, Object handler) {
		return request.getAttribute(ALLOWED_HANDLERS) instanceof List<?> handlers && handlers.contains(handler);
	}

	Decision evaluate(CompiledOperation operation, HttpServletRequest request) {
		ServletNexiosRequest nexiosRequest = new ServletNexiosRequest(request);
		return this.evaluation.evaluate(operation, nexiosRequest,
				(scheme) -> authenticate(scheme, this.lookup.verifier(scheme), request, nexiosRequest));
	}

	/**
	 * Reads a scheme's credential and verifies it with the scheme's {@code AuthenticationProvider}.
	 */
	static SchemeOutcome authenticate(SchemeAuthenticator scheme, AuthenticationProvider verifier,
			HttpServletRequest request, NexiosRequest nexiosRequest) {
		SchemeCredential credential = scheme.read(nexiosRequest);
		if (credential.isResolved()) {
			return credential.outcome();
		}
		if (verifier == null) {
			return scheme.unverifiable();
		}
		if (credential.unverified() instanceof AbstractAuthenticationToken token && token.getDetails() == null
				&& token instanceof UsernamePasswordAuthenticationToken) {
			token.setDetails(DETAILS.buildDetails(request));
		}
		try {
			return scheme.verified(verifier.authenticate(credential.unverified()));
		}
		catch (RuntimeException ex) {
			return scheme.failed(ex);
		}
	}

}
