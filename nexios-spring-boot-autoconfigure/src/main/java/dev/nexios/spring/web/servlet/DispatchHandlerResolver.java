package dev.nexios.spring.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Attributes that the mappings set are kept on a wrapper, away from the real request, so that the
 * dispatch that follows starts from a clean request.
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
	 * @return the handler with the mapping that returned it; {@link Dispatch#NO_HANDLER} when no
	 * mapping matches, {@link Dispatch#LOOKUP_FAILED} when a mapping throws (the dispatcher would
	 * answer 405, 406 or 415, or fail), {@link Dispatch#UNKNOWN_SERVLET} when the request is not for the
	 * {@code DispatcherServlet}
	 */
	Dispatch resolve(HttpServletRequest request) {
		Mappings mappings = this.mappingsByServletContext.computeIfAbsent(request.getServletContext(), this::mappings);
		if (!mappings.serves(request)) {
			return Dispatch.UNKNOWN_SERVLET;
		}
		HttpServletRequest isolated = new AttributeIsolatingRequest(request);
		ServletRequestPathUtils.parseAndCache(isolated);
		for (HandlerMapping mapping : mappings.handlerMappings()) {
			HandlerExecutionChain chain;
			try {
				chain = mapping.getHandler(isolated);
			}
			catch (Exception ex) {
				return Dispatch.LOOKUP_FAILED;
			}
			if (chain != null) {
				Object pattern = isolated.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				Object within = isolated.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
				if (within == null && chain.getHandler() instanceof ResourceHttpRequestHandler
						&& mapping instanceof AbstractUrlHandlerMapping urlMapping) {
					// a URL mapping exposes it only to the dispatch, through an interceptor
					within = pathWithinMapping(urlMapping, chain.getHandler(), isolated);
				}
				return new Dispatch(mapping, chain.getHandler(), (pattern != null) ? pattern.toString() : null,
						(within != null) ? within.toString() : null);
			}
		}
		return Dispatch.NO_HANDLER;
	}

	private static String pathWithinMapping(AbstractUrlHandlerMapping mapping, Object handler,
			HttpServletRequest request) {
		PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
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
	 * The handler of a dispatch, and the mapping that returned it.
	 *
	 * @param mapping the mapping, {@code null} for the markers
	 * @param handler the handler, {@code null} for the markers
	 * @param pattern the mapping's best matching pattern, where it sets one
	 * @param pathWithinMapping the path within the matched pattern (e.g. a static file's path), where the
	 * mapping sets one
	 */
	record Dispatch(HandlerMapping mapping, Object handler, String pattern, String pathWithinMapping) {

		/** No mapping has a handler: the dispatcher answers 404. */
		static final Dispatch NO_HANDLER = new Dispatch(null, null, null, null);

		/** A mapping threw while looking the handler up. */
		static final Dispatch LOOKUP_FAILED = new Dispatch(null, null, null, null);

		/** The request is for a servlet other than the application's {@code DispatcherServlet}. */
		static final Dispatch UNKNOWN_SERVLET = new Dispatch(null, null, null, null);

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
	 * A request whose attributes are a private copy.
	 */
	static final class AttributeIsolatingRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		AttributeIsolatingRequest(HttpServletRequest request) {
			super(request);
			Enumeration<String> names = request.getAttributeNames();
			while (names.hasMoreElements()) {
				String name = names.nextElement();
				this.attributes.put(name, request.getAttribute(name));
			}
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(List.copyOf(this.attributes.keySet()));
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
