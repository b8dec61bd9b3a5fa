package dev.nexios.spring.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds the handler that the {@code DispatcherServlet} will dispatch a request to, by asking that
 * servlet's own {@link HandlerMapping}s in its order. The servlet is the one the request is mapped to,
 * in the application context of the request's {@code ServletContext}: the application's, or the
 * management context's when actuator endpoints have their own port ({@code management.server.port}).
 * A request mapped to any other servlet (an H2 console, a second {@code DispatcherServlet}) has no
 * handler that the model can know: it is {@link Dispatch#UNKNOWN_SERVLET}.
 *
 * <p>The REQUEST dispatch is looked up on the request itself, as the {@code DispatcherServlet} would. The
 * attributes that the mappings set for a nested dispatch (forward, include, error, async) are kept on a
 * wrapper, away from the real request, so that a refused include leaves the request as it was; the dispatch
 * that is let through gets them with the handler ({@link Dispatch#exposeAttributes}).
 */
final class DispatchHandlerResolver {

	private final ApplicationContext applicationContext;

	private final Map<ServletContext, Mappings> mappingsByServletContext = new ConcurrentHashMap<>();

	DispatchHandlerResolver(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * The handler of a request (of its current dispatch: a forward's or an include's target).
	 * @param request the request
	 * @return the dispatch: its handler with the mapping that returned it and the attributes that the mapping
	 * set; or, without a handler, {@link Kind#NO_HANDLER} when no mapping matches, {@link Kind#LOOKUP_FAILED}
	 * when a mapping throws (the dispatcher would answer 405, 406 or 415, or fail), {@link Kind#UNKNOWN_SERVLET}
	 * when the request is not for the {@code DispatcherServlet}
	 */
	Dispatch resolve(HttpServletRequest request) {
		Mappings mappings = this.mappingsByServletContext.computeIfAbsent(request.getServletContext(), this::mappings);
		if (!mappings.serves(request)) {
			return new Dispatch(request, Kind.UNKNOWN_SERVLET, null, null, null, null, null);
		}
		// A REQUEST dispatch is looked up on the request itself, as the DispatcherServlet would (the attributes
		// the mapping sets are the dispatch's); a nested one (forward, include, error, async) on an overlay, so
		// that a refused include leaves the including request as it was, and the dispatch is given them later.
		// Either way the mappings read the method and the parsed path once (LookupRequest).
		AttributeOverlayRequest overlay = (request.getDispatcherType() != DispatcherType.REQUEST)
				? new AttributeOverlayRequest(request) : null;
		RequestPath path = parsedPath(request, overlay);
		LookupRequest lookupRequest = new LookupRequest((overlay != null) ? overlay : request, path);
		try {
			for (HandlerMapping mapping : mappings.handlerMappings()) {
				if (mapping instanceof ResolvedDispatchHandlerMapping) {
					continue;
				}
				HandlerExecutionChain chain;
				try {
					chain = mapping.getHandler(lookupRequest);
				}
				catch (Exception ex) {
					return new Dispatch(request, Kind.LOOKUP_FAILED, null, null, null, null, path, ex);
				}
				if (chain != null) {
					return new Dispatch(request, Kind.HANDLER, mapping, chain, lookupRequest,
							(overlay != null) ? overlay.changes() : null, path);
				}
			}
			return new Dispatch(request, Kind.NO_HANDLER, null, null, null, null, path);
		}
		finally {
			lookupRequest.done();
		}
	}

	/**
	 * The parsed path of the dispatch: for a REQUEST dispatch, the one that Spring Security's
	 * {@code ServletRequestPathFilter} parsed already when it is still the request's (same URI and context
	 * path), else parsed and cached as the {@code DispatcherServlet} does; a nested dispatch's on the overlay.
	 */
	private static RequestPath parsedPath(HttpServletRequest request, AttributeOverlayRequest overlay) {
		if (overlay == null && request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE) instanceof RequestPath parsed
				&& parsed.value().equals(request.getRequestURI())
				&& parsed.contextPath().value().equals(request.getContextPath())) {
			return parsed;
		}
		return ServletRequestPathUtils.parseAndCache((overlay != null) ? overlay : request);
	}

	private static String pathWithinMapping(AbstractUrlHandlerMapping mapping, Object handler, RequestPath request) {
		PathContainer path = request.pathWithinApplication();
		for (Map.Entry<PathPattern, Object> entry : mapping.getPathPatternHandlerMap().entrySet()) {
			if (entry.getValue() == handler && entry.getKey().matches(path)) {
				return entry.getKey().extractPathWithinPattern(path).value();
			}
		}
		return null;
	}

	private Mappings mappings(ServletContext servletContext) {
		WebApplicationContext web = WebApplicationContextUtils.getWebApplicationContext(servletContext);
		ApplicationContext context = (web != null) ? web : this.applicationContext;
		Map<String, DispatcherServlet> servlets = context.getBeansOfType(DispatcherServlet.class, false, false);
		DispatcherServlet servlet = (servlets.size() == 1) ? servlets.values().iterator().next() : null;
		return new Mappings(context, servlet, servletContext);
	}

	/**
	 * What a dispatch resolves to.
	 */
	enum Kind {

		/** A mapping has a handler. */
		HANDLER,

		/** No mapping has a handler: the dispatcher answers 404. */
		NO_HANDLER,

		/** A mapping threw while looking the handler up. */
		LOOKUP_FAILED,

		/** The request is for a servlet other than the application's {@code DispatcherServlet}. */
		UNKNOWN_SERVLET

	}

	/**
	 * The handler of one dispatch of a request, the mapping that returned it and the request attributes that
	 * the mapping set, resolved once: the filter decides on it, and {@link ResolvedDispatchHandlerMapping} hands
	 * the same chain to the {@code DispatcherServlet} (and {@link ResolvedCorsConfigurationSource} its CORS
	 * configuration to the {@code CorsFilter}), so that the handler mappings are asked once per dispatch, as
	 * without the starter. The dispatch is identified by its type, method and request URI (an include's own).
	 */
	static final class Dispatch {

		/** The request attribute holding the dispatch that the filter decided on, while the dispatch runs. */
		static final String ATTRIBUTE = Dispatch.class.getName();

		private static final String PATH_ATTRIBUTE = ServletRequestPathUtils.PATH_ATTRIBUTE;

		private final Kind kind;

		private final HandlerMapping mapping;

		private final HandlerExecutionChain chain;

		private final Map<String, Object> attributes;

		private final Object pattern;

		private final Object within;

		private final RequestPath path;

		private final DispatcherType dispatcherType;

		private final String method;

		private final String uri;

		private final Exception failure;

		/**
		 * @param request the request being dispatched
		 * @param kind what the dispatch resolves to
		 * @param mapping the mapping that returned the handler
		 * @param chain the handler and its interceptors
		 * @param lookupRequest the request the mapping was asked with, holding the attributes it set
		 * @param attributes the attributes the mapping set on an overlay, to give the dispatch; {@code null}
		 * when it set them on the request itself
		 * @param path the parsed request path
		 */
		Dispatch(HttpServletRequest request, Kind kind, HandlerMapping mapping, HandlerExecutionChain chain,
				HttpServletRequest lookupRequest, Map<String, Object> attributes, RequestPath path) {
			this(request, kind, mapping, chain, lookupRequest, attributes, path, null);
		}

		/**
		 * A dispatch whose lookup failed.
		 * @param failure what the mapping threw, which the dispatcher is given again
		 */
		Dispatch(HttpServletRequest request, Kind kind, HandlerMapping mapping, HandlerExecutionChain chain,
				HttpServletRequest lookupRequest, Map<String, Object> attributes, RequestPath path,
				Exception failure) {
			this.failure = failure;
			this.kind = kind;
			this.mapping = mapping;
			this.chain = chain;
			this.attributes = (attributes != null) ? attributes : Map.of();
			this.pattern = set(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, lookupRequest, attributes);
			this.within = set(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, lookupRequest, attributes);
			this.path = path;
			this.dispatcherType = request.getDispatcherType();
			this.method = request.getMethod();
			this.uri = uri(request);
		}

		/**
		 * An attribute that the mapping set: on the overlay, only what it set there (not what the request
		 * held already, e.g. an outer dispatch's pattern).
		 */
		private static Object set(String name, HttpServletRequest lookupRequest, Map<String, Object> attributes) {
			if (attributes != null) {
				Object value = attributes.get(name);
				return (value != AttributeOverlayRequest.REMOVED) ? value : null;
			}
			return (lookupRequest != null) ? lookupRequest.getAttribute(name) : null;
		}

		/**
		 * The dispatch that the filter resolved for the request's current dispatch.
		 * @param request the request
		 * @return the dispatch, or {@code null} when none was resolved for it (the filter did not run, or the
		 * request is in another dispatch: a named dispatch, which passes no filter)
		 */
		static Dispatch current(HttpServletRequest request) {
			return (request.getAttribute(ATTRIBUTE) instanceof Dispatch dispatch && dispatch.isFor(request)) ? dispatch
					: null;
		}

		private boolean isFor(HttpServletRequest request) {
			DispatcherType type = request.getDispatcherType();
			return type == this.dispatcherType && this.method.equals(request.getMethod())
					&& Objects.equals(this.uri, uri(request));
		}

		private static String uri(HttpServletRequest request) {
			return (request.getDispatcherType() == DispatcherType.INCLUDE)
					? (String) request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) : request.getRequestURI();
		}

		Kind kind() {
			return this.kind;
		}

		/**
		 * @return what the mapping threw, for a {@link Kind#LOOKUP_FAILED} dispatch
		 */
		Exception failure() {
			return this.failure;
		}

		/**
		 * @return the mapping that returned the handler, {@code null} without a handler
		 */
		HandlerMapping mapping() {
			return this.mapping;
		}

		/**
		 * @return the handler, or the {@link Kind} when there is none
		 */
		Object handler() {
			return (this.chain != null) ? this.chain.getHandler() : this.kind;
		}

		/**
		 * @return the handler with its interceptors, {@code null} without a handler
		 */
		HandlerExecutionChain chain() {
			return this.chain;
		}

		/**
		 * @return the mapping's best matching pattern, where it sets one
		 */
		String pattern() {
			return (this.pattern != null) ? this.pattern.toString() : null;
		}

		/**
		 * @return the path within the matched pattern (e.g. a static file's path), where the mapping sets one
		 */
		String pathWithinMapping() {
			Object within = this.within;
			if (within == null && this.chain != null && this.chain.getHandler() instanceof ResourceHttpRequestHandler
					&& this.mapping instanceof AbstractUrlHandlerMapping urlMapping) {
				// a URL mapping exposes it only to the dispatch, through an interceptor
				return DispatchHandlerResolver.pathWithinMapping(urlMapping, this.chain.getHandler(), this.path);
			}
			return (within != null) ? within.toString() : null;
		}

		/**
		 * @return the path within the application, e.g. {@code /swagger-ui/index.html}; {@code null} for a
		 * request of another servlet
		 */
		String pathWithinApplication() {
			return (this.path != null) ? this.path.pathWithinApplication().value() : null;
		}

		/**
		 * Sets on the request the attributes that the mapping set on an overlay while it returned the handler
		 * of a nested dispatch (path variables, best matching pattern, producible media types, ...), but the
		 * parsed path, which the {@code DispatcherServlet} keeps itself. A REQUEST dispatch's mapping set them
		 * on the request already.
		 * @param request the request being dispatched
		 */
		void exposeAttributes(HttpServletRequest request) {
			this.attributes.forEach((name, value) -> {
				if (PATH_ATTRIBUTE.equals(name)) {
					return;
				}
				if (value == AttributeOverlayRequest.REMOVED) {
					request.removeAttribute(name);
				}
				else {
					request.setAttribute(name, value);
				}
			});
		}

	}

	/**
	 * The {@code DispatcherServlet} of one servlet context and its handler mappings.
	 */
	private static final class Mappings {

		private final ApplicationContext context;

		private final DispatcherServlet servlet;

		private final ServletContext servletContext;

		private final Map<String, Boolean> servletNames = new ConcurrentHashMap<>();

		private volatile List<HandlerMapping> handlerMappings;

		Mappings(ApplicationContext context, DispatcherServlet servlet, ServletContext servletContext) {
			this.context = context;
			this.servlet = servlet;
			this.servletContext = servletContext;
		}

		/**
		 * Whether the request is mapped to the {@code DispatcherServlet}: a servlet container names the
		 * servlet of each request; a mock environment (MockMvc) registers none and has only that one.
		 */
		boolean serves(HttpServletRequest request) {
			// an include keeps the including request's mapping; the included servlet's is an attribute
			HttpServletMapping mapping = (request.getDispatcherType() == DispatcherType.INCLUDE
					&& request.getAttribute(RequestDispatcher.INCLUDE_MAPPING) instanceof HttpServletMapping included)
							? included : request.getHttpServletMapping();
			String name = (mapping != null) ? mapping.getServletName() : null;
			if (name == null || name.isEmpty()) {
				return this.servletContext.getServletRegistrations().isEmpty();
			}
			Boolean served = this.servletNames.get(name);
			if (served == null) {
				served = isDispatcherServlet(name);
				if (this.servlet == null || this.servlet.getServletConfig() != null) {
					// once the servlet is initialized its name is known for good
					this.servletNames.put(name, served);
				}
			}
			return served;
		}

		private boolean isDispatcherServlet(String name) {
			ServletRegistration registration = this.servletContext.getServletRegistration(name);
			if (registration == null) {
				return this.servletContext.getServletRegistrations().isEmpty();
			}
			if (this.servlet != null && this.servlet.getServletConfig() != null) {
				return name.equals(this.servlet.getServletName());
			}
			String className = registration.getClassName();
			return className != null && ClassUtils.isPresent(className, DispatcherServlet.class.getClassLoader())
					&& DispatcherServlet.class.isAssignableFrom(
							ClassUtils.resolveClassName(className, DispatcherServlet.class.getClassLoader()));
		}

		List<HandlerMapping> handlerMappings() {
			List<HandlerMapping> mappings = this.handlerMappings;
			if (mappings == null) {
				List<HandlerMapping> own = (this.servlet != null) ? this.servlet.getHandlerMappings() : null;
				if (own != null) {
					mappings = List.copyOf(own);
				}
				else {
					// before the servlet is initialized (MockMvc): what a DispatcherServlet detects, sorted as
					// it sorts them (by Ordered#getOrder() before an @Order of the @Bean method)
					List<HandlerMapping> sorted = new ArrayList<>(BeanFactoryUtils
						.beansOfTypeIncludingAncestors(this.context, HandlerMapping.class, true, false)
						.values());
					AnnotationAwareOrderComparator.sort(sorted);
					mappings = List.copyOf(sorted);
				}
				this.handlerMappings = mappings;
			}
			return mappings;
		}

	}

	/**
	 * The request as the handler mappings see it while they look a handler up: its method and its parsed
	 * path are read once. Spring MVC reads both for every mapping it tries ({@code RequestMappingInfo}'s
	 * method and pattern conditions), so with thousands of pattern mappings a request asks them thousands
	 * of times, each time through the servlet container's request and every wrapper of the filter chain.
	 * Everything else, attribute writes included, goes to the request; once the lookup is {@link #done()}
	 * (something a mapping kept, e.g. a functional endpoint's {@code ServerRequest}, may read it later) the
	 * method and the path are read from the request again.
	 */
	static final class LookupRequest extends HttpServletRequestWrapper {

		private static final String PATH_ATTRIBUTE = ServletRequestPathUtils.PATH_ATTRIBUTE;

		private final String method;

		private Object path;

		private boolean looking = true;

		/**
		 * @param request the request being dispatched (or its attribute overlay)
		 * @param path its parsed path, the value of its {@link ServletRequestPathUtils#PATH_ATTRIBUTE}
		 */
		LookupRequest(HttpServletRequest request, RequestPath path) {
			super(request);
			this.method = request.getMethod();
			this.path = path;
		}

		void done() {
			this.looking = false;
		}

		@Override
		public String getMethod() {
			return this.looking ? this.method : super.getMethod();
		}

		@Override
		public Object getAttribute(String name) {
			return (this.looking && PATH_ATTRIBUTE.equals(name)) ? this.path : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			super.setAttribute(name, value);
			if (PATH_ATTRIBUTE.equals(name)) {
				this.path = super.getAttribute(name);
			}
		}

		@Override
		public void removeAttribute(String name) {
			super.removeAttribute(name);
			if (PATH_ATTRIBUTE.equals(name)) {
				this.path = null;
			}
		}

	}

	/**
	 * A request whose attribute changes stay on the wrapper: reads see the request's attributes and the
	 * changes, writes and removals are recorded, so that a lookup leaves the real request untouched and the
	 * dispatch can be given the same attributes later.
	 */
	static final class AttributeOverlayRequest extends HttpServletRequestWrapper {

		/** Marks an attribute that the lookup removed. */
		static final Object REMOVED = new Object();

		private final Map<String, Object> changes = new HashMap<>(16);

		AttributeOverlayRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = this.changes.get(name);
			if (value == null) {
				return super.getAttribute(name);
			}
			return (value != REMOVED) ? value : null;
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			this.changes.forEach((name, value) -> {
				if (value == REMOVED) {
					names.remove(name);
				}
				else {
					names.add(name);
				}
			});
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.changes.put(name, (value != null) ? value : REMOVED);
		}

		@Override
		public void removeAttribute(String name) {
			this.changes.put(name, REMOVED);
		}

		/**
		 * @return the attributes set (or {@link #REMOVED}) since the wrapper was created, by name
		 */
		Map<String, Object> changes() {
			return this.changes;
		}

	}

}
