package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecurityModel.HandlerKey;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Authenticates and authorizes each request against the effective security requirements of the
 * handler method that Spring MVC will dispatch it to, as held by the {@link NexiosSecurityModel}.
 *
 * <p>Per request: the handler is resolved through the {@code DispatcherServlet}'s own handler mappings;
 * its precompiled requirements are read from a map; then, following OpenAPI 3.1 §4.8.30:
 * <ul>
 * <li>a public operation passes, its credentials ignored;</li>
 * <li>when any alternative is satisfied (every scheme authenticated and holding the required scopes)
 * the request passes with a {@link NexiosAuthentication} in the {@code SecurityContext};</li>
 * <li>under optional authentication a request with no credential at all passes anonymously;</li>
 * <li>when some alternative authenticated but lacks scopes: {@code 403} with
 * {@code insufficient_scope} (RFC 6750 §3.1);</li>
 * <li>otherwise {@code 401} with one {@code WWW-Authenticate} challenge per acceptable scheme.</li>
 * </ul>
 * Several {@code Authorization} headers get {@code 400}. Error bodies are
 * {@code application/problem+json} (RFC 9457) and never contain a credential.
 *
 * <p>Requests whose handler is not an operation of the model (springdoc's endpoints, Spring MVC's
 * {@code OPTIONS} answer, static resources, no handler at all) pass, except springdoc's when
 * documentation requirements are configured. A handler method registered after startup and a
 * functional endpoint ({@code RouterFunction}) get the default requirements, which the document shows
 * for them (the root {@code security}). A
 * FORWARD dispatch is checked against the handler it is forwarded to; ERROR, ASYNC and INCLUDE
 * dispatches are not checked again. A request sent straight to the error controller ({@code /error})
 * gets {@code 404}: the error page only renders ERROR dispatches.
 */
public final class NexiosSecurityFilter extends GenericFilterBean {

	private final Map<HandlerKey, CompiledOperation> operations;

	private final CompiledOperation defaults;

	private final CompiledOperation docs;

	private final String swaggerUiPrefix;

	private final DispatchHandlerResolver handlerResolver;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository;

	private final JacksonJsonHttpMessageConverter problemWriter = new JacksonJsonHttpMessageConverter();

	/**
	 * Creates the filter and every scheme authenticator, reading key material once.
	 * @param model the security model
	 * @param keyMaterial key material by scheme name ({@code nexios.security.schemes.<name>.jwt}, ...)
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param context the application context, source of the handler mappings and of the beans that
	 * schemes use ({@code JwtDecoder}, {@code OpaqueTokenIntrospector}, {@code UserDetailsService},
	 * {@code PasswordEncoder}, {@link ApiKeyAuthenticator})
	 * @param contextRepository where the authenticated {@code SecurityContext} is saved for the request
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public NexiosSecurityFilter(NexiosSecurityModel model, Map<String, SchemeKeyMaterial> keyMaterial,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, ApplicationContext context,
			SecurityContextRepository contextRepository) {
		this(model, new SchemeAuthenticators(keyMaterial, context, context, System::getenv), docsRequirements,
				swaggerUiPrefix, new DispatchHandlerResolver(context.getBeanProvider(HandlerMapping.class)),
				contextRepository);
	}

	NexiosSecurityFilter(NexiosSecurityModel model, SchemeAuthenticators factory,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, DispatchHandlerResolver handlerResolver,
			SecurityContextRepository contextRepository) {
		Map<String, SchemeAuthenticator> authenticators = factory.create(model);
		Map<OperationSecurity, CompiledOperation> compiled = new HashMap<>();
		Map<HandlerKey, CompiledOperation> operations = new HashMap<>();
		model.operations().forEach((handler, security) -> operations.put(handler,
				compiled.computeIfAbsent(security, (key) -> CompiledOperation.compile(key, authenticators))));
		this.operations = Collections.unmodifiableMap(operations);
		this.defaults = CompiledOperation.compile(model.defaultRequirements(), authenticators);
		this.docs = docsRequirements.isEmpty() ? null : CompiledOperation.compile(docsRequirements, authenticators);
		this.swaggerUiPrefix = swaggerUiPrefix;
		this.handlerResolver = handlerResolver;
		this.contextRepository = (contextRepository != null) ? contextRepository
				: new RequestAttributeSecurityContextRepository();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response)
				|| (request.getDispatcherType() != DispatcherType.REQUEST
						&& request.getDispatcherType() != DispatcherType.FORWARD)) {
			// ERROR dispatches render what was already decided; ASYNC and INCLUDE continue a checked request
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		Object handler = this.handlerResolver.resolve(request);
		if (isErrorController(handler)) {
			// the error page is rendered by ERROR dispatches; asked for directly, it has nothing to show
			if (request.getDispatcherType() == DispatcherType.REQUEST) {
				writeProblem(response, HttpStatus.NOT_FOUND, "No operation is mapped to this path", List.of());
			}
			else {
				chain.doFilter(request, response);
			}
			return;
		}
		CompiledOperation operation = operation(handler, request);
		if (operation == null || operation.isPublic()) {
			chain.doFilter(request, response);
			return;
		}
		if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
			writeProblem(response, HttpStatus.BAD_REQUEST, "Several Authorization headers were sent; send one",
					List.of());
			return;
		}
		Decision decision = evaluate(operation, request);
		switch (decision.status()) {
			case OK -> {
				if (decision.authentication() != null) {
					SecurityContext context = this.contextHolder.createEmptyContext();
					context.setAuthentication(decision.authentication());
					this.contextHolder.setContext(context);
					this.contextRepository.saveContext(context, request, response);
				}
				chain.doFilter(request, response);
			}
			case UNAUTHORIZED -> writeProblem(response, HttpStatus.UNAUTHORIZED, decision.detail(),
					decision.challenges());
			case FORBIDDEN -> writeProblem(response, HttpStatus.FORBIDDEN, decision.detail(), decision.challenges());
			case UNAVAILABLE -> writeProblem(response, HttpStatus.SERVICE_UNAVAILABLE, decision.detail(), List.of());
		}
	}

	private static boolean isErrorController(Object handler) {
		return handler instanceof HandlerMethod handlerMethod
				&& ErrorController.class.isAssignableFrom(handlerMethod.getBeanType());
	}

	private CompiledOperation operation(Object handler, HttpServletRequest request) {
		if (handler instanceof HandlerMethod handlerMethod) {
			CompiledOperation operation = this.operations.get(HandlerKey.of(handlerMethod));
			if (operation != null) {
				return operation;
			}
			String type = handlerMethod.getBeanType().getName();
			if (type.startsWith("org.springdoc.")) {
				return this.docs;
			}
			// Spring MVC's own (OPTIONS); else registered after startup, documented with the defaults
			return type.startsWith("org.springframework.web.") ? null : this.defaults;
		}
		if (handler instanceof HandlerFunction<?>) {
			// a functional endpoint declares no security: documented (@RouterOperation) with the defaults
			return this.defaults;
		}
		if (handler != null && this.docs != null && this.swaggerUiPrefix != null) {
			String path = ServletRequestPathUtils.parseAndCache(new DispatchHandlerResolver.AttributeIsolatingRequest(request))
				.pathWithinApplication()
				.value();
			if (path.startsWith(this.swaggerUiPrefix)) {
				return this.docs;
			}
		}
		return null;
	}

	Decision evaluate(CompiledOperation operation, HttpServletRequest request) {
		Map<SchemeAuthenticator, SchemeOutcome> outcomes = new IdentityHashMap<>(4);
		Function<SchemeAuthenticator, SchemeOutcome> outcome = (scheme) -> outcomes.computeIfAbsent(scheme,
				(key) -> key.authenticate(request));
		for (CompiledOperation.Alternative alternative : operation.alternatives()) {
			if (isSatisfied(alternative, outcome)) {
				Map<String, Authentication> authentications = new LinkedHashMap<>();
				Set<String> scopes = new LinkedHashSet<>();
				alternative.schemes().keySet().forEach((scheme) -> {
					SchemeOutcome result = outcome.apply(scheme);
					authentications.put(scheme.schemeName(), result.authentication());
					scopes.addAll(result.scopes());
				});
				return new Decision(Status.OK, new NexiosAuthentication(authentications, scopes), null, List.of());
			}
		}
		operation.schemes().forEach(outcome::apply);
		if (operation.optional() && outcomes.values().stream().allMatch(SchemeOutcome::isAbsent)) {
			return new Decision(Status.OK, null, null, List.of());
		}
		for (CompiledOperation.Alternative alternative : operation.alternatives()) {
			boolean authenticated = alternative.schemes().keySet().stream().allMatch((scheme) -> outcome.apply(scheme).isAuthenticated());
			if (authenticated) {
				Set<String> challenges = new LinkedHashSet<>();
				Set<String> missing = new LinkedHashSet<>();
				alternative.schemes().forEach((scheme, required) -> {
					List<String> lacking = required.stream().filter((scope) -> !outcome.apply(scheme).scopes().contains(scope)).toList();
					if (!lacking.isEmpty()) {
						challenges.add(scheme.challenge(outcome.apply(scheme), required));
						missing.addAll(lacking);
					}
				});
				return new Decision(Status.FORBIDDEN, null,
						"The credential does not grant the required scopes: " + String.join(" ", missing),
						new ArrayList<>(challenges));
			}
		}
		List<String> unavailable = operation.schemes()
			.stream()
			.filter((scheme) -> outcome.apply(scheme).status() == SchemeOutcome.Status.UNAVAILABLE)
			.map(SchemeAuthenticator::schemeName)
			.toList();
		if (!unavailable.isEmpty()) {
			return new Decision(Status.UNAVAILABLE, null, "The credential sent for " + String.join(", ", unavailable)
					+ " cannot be verified now; try again later", List.of());
		}
		Set<String> challenges = new LinkedHashSet<>();
		List<String> invalid = new ArrayList<>();
		for (SchemeAuthenticator scheme : operation.schemes()) {
			SchemeOutcome result = outcome.apply(scheme);
			challenges.add(scheme.challenge(result, List.of()));
			if (result.status() == SchemeOutcome.Status.INVALID) {
				invalid.add(scheme.schemeName());
			}
		}
		String detail = invalid.isEmpty() ? "Authentication is required: " + operation.description()
				: "The credential sent for " + String.join(", ", invalid) + " is not valid; accepted: "
						+ operation.description();
		return new Decision(Status.UNAUTHORIZED, null, detail, new ArrayList<>(challenges));
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

	private void writeProblem(HttpServletResponse response, HttpStatus status, String detail, List<String> challenges)
			throws IOException {
		response.resetBuffer();
		response.setStatus(status.value());
		challenges.forEach((challenge) -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.problemWriter.write(ProblemDetail.forStatusAndDetail(status, detail), MediaType.APPLICATION_PROBLEM_JSON,
				new ServletServerHttpResponse(response));
		response.flushBuffer();
	}

	enum Status {

		OK, UNAUTHORIZED, FORBIDDEN, UNAVAILABLE

	}

	/**
	 * The decision on one request.
	 */
	record Decision(Status status, Authentication authentication, String detail, List<String> challenges) {

	}

}
