package dev.nexios.spring.web.reactive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.nexios.spring.core.CompiledOperation;
import dev.nexios.spring.core.HandlerKinds;
import dev.nexios.spring.core.SchemeAuthenticator;
import dev.nexios.spring.core.SchemeAuthenticators;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.NexiosSecurityModel.HandlerKey;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Classifies the handler that WebFlux's {@code DispatcherHandler} will use for a request and gives the
 * security that decides it, as the servlet stack does. Every handler is one of these, checked in this
 * order; anything else is closed:
 * <ol>
 * <li>an operation of the model (a handler method): its effective requirements;</li>
 * <li>an actuator endpoint: {@code nexios.security.actuator.*};</li>
 * <li>springdoc's endpoints and Swagger UI's resources: {@code nexios.security.docs.requirements};</li>
 * <li>a handler method of a {@code RequestMappingInfoHandlerMapping} unknown to the model, and a
 * functional endpoint ({@code RouterFunction}): the default requirements;</li>
 * <li>WebFlux's CORS preflight answer, for a preflight request: public;</li>
 * <li>a static resource handler whose locations are all Spring Boot's defaults: public;</li>
 * <li>anything else — another handler, no handler, a lookup that failed: the default requirements
 * without the anonymous alternative.</li>
 * </ol>
 */
final class ReactiveOperationLookup {

	/** WebFlux answers a CORS preflight with a no-op handler declared in its {@code AbstractHandlerMapping}. */
	private static final String PREFLIGHT_HANDLER_PREFIX = "org.springframework.web.reactive.handler.AbstractHandlerMapping$$Lambda";

	private static final Set<String> BOOT_STATIC_LOCATIONS = Set.of("META-INF/resources/", "resources/", "static/",
			"public/", "META-INF/resources/webjars/");

	private static final Log logger = LogFactory.getLog(ReactiveOperationLookup.class);

	private final Set<HandlerKey> unknownHandlers = ConcurrentHashMap.newKeySet();

	private final Map<HandlerKey, CompiledOperation> operations;

	private final CompiledOperation defaults;

	private final CompiledOperation uncovered;

	private final CompiledOperation docs;

	private final CompiledOperation publicOperation;

	private final String swaggerUiPrefix;

	private final ReactiveHandlerResolver resolver;

	private final ApplicationContext applicationContext;

	private final NexiosSecurityModel model;

	private final Map<String, SchemeAuthenticator> authenticators;

	private final Map<String, ReactiveAuthenticationManager> verifiers;

	private final Map<Object, CompiledOperation> actuatorOperations = new ConcurrentHashMap<>();

	ReactiveOperationLookup(NexiosSecurityModel model, SchemeAuthenticators.Schemes<ReactiveAuthenticationManager> schemes,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, ReactiveHandlerResolver resolver,
			ApplicationContext applicationContext) {
		this.model = model;
		this.authenticators = schemes.authenticators();
		this.verifiers = schemes.verifiers();
		Map<OperationSecurity, CompiledOperation> compiled = new HashMap<>();
		Map<HandlerKey, CompiledOperation> operations = new HashMap<>();
		model.operations().forEach((handler, security) -> operations.put(handler,
				compiled.computeIfAbsent(security, (key) -> CompiledOperation.compile(key, this.authenticators))));
		this.operations = Map.copyOf(operations);
		this.defaults = CompiledOperation.compile(model.defaultRequirements(), this.authenticators);
		this.uncovered = CompiledOperation.compile(model.uncoveredRequirements(), this.authenticators);
		this.publicOperation = CompiledOperation.compile(List.of(), this.authenticators);
		this.docs = docsRequirements.isEmpty() ? this.publicOperation
				: CompiledOperation.compile(docsRequirements, this.authenticators);
		this.swaggerUiPrefix = swaggerUiPrefix;
		this.resolver = resolver;
		this.applicationContext = applicationContext;
	}

	ReactiveAuthenticationManager verifier(SchemeAuthenticator scheme) {
		return this.verifiers.get(scheme.schemeName());
	}

	/**
	 * The security that decides the request.
	 * @param exchange the exchange
	 * @return the compiled security and CORS headers; never empty
	 */
	Mono<Target> lookup(ServerWebExchange exchange) {
		return this.resolver.resolve(exchange).flatMap((dispatch) -> {
			CompiledOperation operation = classify(exchange, dispatch);
			if (operation == this.publicOperation && dispatch.handler() instanceof ResourceWebHandler resources) {
				// a static file is public when it exists; a missing one is closed, so that an anonymous
				// caller cannot tell a secured route from no route
				return ReactiveStaticResources.exists(resources, dispatch.pathWithinMapping(), exchange)
					.map((exists) -> new Target(exists ? operation : this.uncovered, dispatch.corsHeaders(),
							dispatch.pattern()));
			}
			return Mono.just(new Target(operation, dispatch.corsHeaders(), dispatch.pattern()));
		});
	}

	/**
	 * The security that decides a request, and the CORS headers its handler mapping would answer with.
	 *
	 * @param operation the compiled security
	 * @param corsHeaders the CORS response headers, for a refusal to carry
	 * @param pattern the handler mapping's best matching pattern (for observations), or {@code null}
	 */
	record Target(CompiledOperation operation, org.springframework.http.HttpHeaders corsHeaders,
			@Nullable String pattern) {

	}

	private CompiledOperation classify(ServerWebExchange exchange, ReactiveHandlerResolver.Dispatch dispatch) {
		Object handler = dispatch.handler();
		if (handler == null) {
			return this.uncovered;
		}
		if (handler instanceof HandlerMethod handlerMethod) {
			CompiledOperation operation = this.operations.get(HandlerKey.of(handlerMethod));
			if (operation != null) {
				return operation;
			}
			if (ReactiveActuatorEndpoints.isEndpointMapping(dispatch.mapping())
					|| ReactiveActuatorEndpoints.isEndpointHandler(handlerMethod)) {
				return this.actuatorOperations.computeIfAbsent(handlerMethod, (key) -> actuator(dispatch.pattern()));
			}
			if (HandlerKinds.isDocumentation(handlerMethod.getBeanType())) {
				return this.docs;
			}
			if (dispatch.mapping() instanceof RequestMappingInfoHandlerMapping
					&& !HandlerKinds.isFramework(handlerMethod.getBeanType())
					&& this.unknownHandlers.add(HandlerKey.of(handlerMethod))) {
				// registered after the model was resolved: its declaration, if any, is unknown
				logger.warn("Handler method " + handlerMethod.getBeanType().getName() + "#"
						+ handlerMethod.getMethod().getName() + " was registered after the security declaration was "
						+ "resolved: it is closed with the default requirements, whatever it declares; register it "
						+ "before the application context is refreshed");
			}
			return this.uncovered;
		}
		if (handler instanceof HandlerFunction<?>) {
			// a functional endpoint declares no security: documented (@RouterOperation) with the defaults
			return this.defaults;
		}
		if (handler.getClass().getName().startsWith(PREFLIGHT_HANDLER_PREFIX)
				&& CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return this.publicOperation;
		}
		if (handler instanceof ResourceWebHandler resources) {
			// only files shipped in webjars or Boot's static locations: any other location closes the handler
			if (this.swaggerUiPrefix != null && exchange.getRequest()
				.getPath()
				.pathWithinApplication()
				.value()
				.startsWith(this.swaggerUiPrefix) && isShipped(resources, true)) {
				return this.docs;
			}
			if (isShipped(resources, false)) {
				return this.publicOperation;
			}
		}
		return this.uncovered;
	}

	private CompiledOperation actuator(String pattern) {
		String endpointId = ReactiveActuatorEndpoints.endpointId(this.applicationContext, pattern);
		return CompiledOperation.compile(this.model.actuator().endpoint(endpointId), this.authenticators);
	}

	/**
	 * Whether every location of a resource handler is one of Spring Boot's default static locations, or,
	 * with {@code webjars}, also any webjar (where springdoc serves Swagger UI from).
	 */
	private static boolean isShipped(ResourceWebHandler handler, boolean webjars) {
		List<Resource> locations = handler.getLocations();
		return !locations.isEmpty() && locations.stream()
			.allMatch((location) -> location instanceof ClassPathResource classPath
					&& (BOOT_STATIC_LOCATIONS.contains(classPath.getPath())
							|| (webjars && classPath.getPath().startsWith("META-INF/resources/webjars/"))));
	}

}
