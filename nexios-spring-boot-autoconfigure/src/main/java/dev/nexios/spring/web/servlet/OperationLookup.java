package dev.nexios.spring.web.servlet;

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
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.web.context.support.ServletContextResource;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Classifies the handler of a request and gives the security that decides it. Every handler is one of
 * these, checked in this order; anything else is closed:
 * <ol>
 * <li>an operation of the model (a handler method): its effective requirements;</li>
 * <li>the error page ({@code ErrorController}): {@link Target#errorPage()};</li>
 * <li>an actuator endpoint (same port or management port): {@code nexios.security.actuator.*};</li>
 * <li>springdoc's endpoints and Swagger UI's resources: {@code nexios.security.docs.requirements};</li>
 * <li>a functional endpoint ({@code RouterFunction}), which declares nothing: the default requirements
 * of operations (public under {@code nexios.security.public-by-default});</li>
 * <li>Spring MVC's CORS preflight handler, for a preflight request: public (it answers with the CORS
 * configuration and runs no application code);</li>
 * <li>a static resource handler whose locations are all Spring Boot's defaults
 * ({@code classpath:/static/}, {@code /public/}, {@code /resources/}, {@code /META-INF/resources/},
 * webjars), for a file that exists: public, as the files an application ships to every visitor (a
 * missing file is closed, so that an anonymous caller cannot tell a secured route from no route);</li>
 * <li>anything else — a handler method registered after the model was resolved (warned about once),
 * another handler (an {@code HttpRequestHandler} or {@code Controller} bean of a
 * {@code SimpleUrlHandlerMapping}, a view controller, a WebSocket handshake, Spring MVC's own
 * {@code OPTIONS} answer), another servlet, no handler, a lookup that failed: the default requirements
 * without the anonymous alternative ({@link NexiosSecurityModel#uncoveredRequirements()}).</li>
 * </ol>
 */
final class OperationLookup {

	private static final Log logger = LogFactory.getLog(OperationLookup.class);

	private static final String PREFLIGHT_HANDLER = "org.springframework.web.servlet.handler.AbstractHandlerMapping$PreFlightHandler";

	private static final String WEBJARS = "META-INF/resources/webjars/";

	private static final Set<String> BOOT_STATIC_LOCATIONS = Set.of("META-INF/resources/", "resources/", "static/",
			"public/", "META-INF/resources/webjars/");

	private final Map<HandlerKey, CompiledOperation> operations;

	private final CompiledOperation defaults;

	private final CompiledOperation uncovered;

	private final CompiledOperation docs;

	private final CompiledOperation publicOperation;

	private final String swaggerUiPrefix;

	private final DispatchHandlerResolver resolver;

	private final ApplicationContext applicationContext;

	private final NexiosSecurityModel model;

	private final Map<String, SchemeAuthenticator> authenticators;

	private final Map<String, AuthenticationProvider> verifiers;

	private final Map<Object, CompiledOperation> actuatorOperations = new ConcurrentHashMap<>();

	private final Map<Object, Boolean> bootStaticResources = new ConcurrentHashMap<>();

	private final Set<HandlerKey> unknownHandlers = ConcurrentHashMap.newKeySet();

	/**
	 * Compiles the security of every operation of the model, once.
	 * @param model the model
	 * @param schemes the scheme authenticators and verifiers by scheme name
	 * @param docsRequirements the requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix the path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param resolver finds the handler of a request
	 * @param applicationContext the application context
	 */
	OperationLookup(NexiosSecurityModel model, SchemeAuthenticators.Schemes<AuthenticationProvider> schemes,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, DispatchHandlerResolver resolver,
			ApplicationContext applicationContext) {
		this.model = model;
		Map<String, SchemeAuthenticator> authenticators = schemes.authenticators();
		this.authenticators = authenticators;
		this.verifiers = schemes.verifiers();
		Map<OperationSecurity, CompiledOperation> compiled = new HashMap<>();
		Map<HandlerKey, CompiledOperation> operations = new HashMap<>();
		model.operations().forEach((handler, security) -> operations.put(handler,
				compiled.computeIfAbsent(security, (key) -> CompiledOperation.compile(key, authenticators))));
		this.operations = Map.copyOf(operations);
		this.defaults = CompiledOperation.compile(model.defaultRequirements(), authenticators);
		this.uncovered = CompiledOperation.compile(model.uncoveredRequirements(), authenticators);
		this.publicOperation = CompiledOperation.compile(List.of(), authenticators);
		this.docs = docsRequirements.isEmpty() ? this.publicOperation
				: CompiledOperation.compile(docsRequirements, authenticators);
		this.swaggerUiPrefix = swaggerUiPrefix;
		this.resolver = resolver;
		this.applicationContext = applicationContext;
	}

	/**
	 * The handler of the request's current dispatch and the security that decides it.
	 * @param request the request
	 * @return the target; never {@code null}
	 */
	Target lookup(HttpServletRequest request) {
		DispatchHandlerResolver.Dispatch dispatch = this.resolver.resolve(request);
		Object handler = dispatch.handler();
		if (dispatch.kind() != DispatchHandlerResolver.Kind.HANDLER) {
			return new Target(dispatch, handler, this.uncovered, false);
		}
		if (handler instanceof HandlerMethod handlerMethod) {
			CompiledOperation operation = this.operations.get(HandlerKey.of(handlerMethod));
			if (operation != null) {
				return new Target(dispatch, handlerMethod, operation, false);
			}
			if (ErrorController.class.isAssignableFrom(handlerMethod.getBeanType())) {
				return new Target(dispatch, handlerMethod, this.uncovered, true);
			}
			if (ActuatorEndpoints.isEndpointMapping(dispatch.mapping())
					|| ActuatorEndpoints.isEndpointHandler(handlerMethod)) {
				return new Target(dispatch, handlerMethod, this.actuatorOperations.computeIfAbsent(handlerMethod,
						(key) -> actuator(request, dispatch.pattern())), false);
			}
			if (HandlerKinds.isDocumentation(handlerMethod.getBeanType())) {
				return new Target(dispatch, handlerMethod, this.docs, false);
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
			return new Target(dispatch, handlerMethod, this.uncovered, false);
		}
		if (handler instanceof HandlerFunction<?>) {
			// a functional endpoint declares no security: documented (@RouterOperation) with the defaults
			return new Target(dispatch, handler, this.defaults, false);
		}
		if (PREFLIGHT_HANDLER.equals(handler.getClass().getName()) && CorsUtils.isPreFlightRequest(request)) {
			return new Target(dispatch, handler, this.publicOperation, false);
		}
		if (handler instanceof ResourceHttpRequestHandler resources) {
			// only files shipped in webjars or Boot's static locations: any other location closes the handler
			if (this.swaggerUiPrefix != null && dispatch.pathWithinApplication().startsWith(this.swaggerUiPrefix)
					&& isShipped(resources.getLocations(), true)) {
				return new Target(dispatch, handler, this.docs, false);
			}
			if (this.bootStaticResources.computeIfAbsent(resources, (key) -> isShipped(resources.getLocations(), false))
					&& StaticResources.exists(resources, dispatch.pathWithinMapping(), request)) {
				return new Target(dispatch, handler, this.publicOperation, false);
			}
		}
		return new Target(dispatch, handler, this.uncovered, false);
	}

	/**
	 * The verifier of a scheme.
	 * @param scheme the scheme
	 * @return its verifier, or {@code null} when it has no key material
	 */
	AuthenticationProvider verifier(SchemeAuthenticator scheme) {
		return this.verifiers.get(scheme.schemeName());
	}

	private CompiledOperation actuator(HttpServletRequest request, String pattern) {
		ApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
		String endpointId = ActuatorEndpoints.endpointId((context != null) ? context : this.applicationContext,
				pattern);
		return CompiledOperation.compile(this.model.actuator().endpoint(endpointId), this.authenticators);
	}

	/**
	 * Whether every location of a resource handler is one of Spring Boot's default static locations (or
	 * the web application's root), or, with {@code webjars}, also any webjar (where springdoc serves Swagger
	 * UI from).
	 */
	static boolean isShipped(List<? extends Resource> locations, boolean webjars) {
		return !locations.isEmpty() && locations.stream()
			.allMatch((location) -> (location instanceof ClassPathResource classPath
					&& (BOOT_STATIC_LOCATIONS.contains(classPath.getPath())
							|| (webjars && classPath.getPath().startsWith(WEBJARS))))
					|| (location instanceof ServletContextResource servletContext
							&& "/".equals(servletContext.getPath())));
	}

	/**
	 * The handler of a dispatch and the security that decides it.
	 *
	 * @param dispatch the resolved dispatch, which the {@code DispatcherServlet} is handed if it is let through
	 * @param handler the handler, or the {@link DispatchHandlerResolver.Kind} when there is none
	 * @param operation the compiled security
	 * @param errorPage whether the handler is the error page, which renders ERROR dispatches only
	 */
	record Target(DispatchHandlerResolver.Dispatch dispatch, Object handler, CompiledOperation operation,
			boolean errorPage) {

	}

}
