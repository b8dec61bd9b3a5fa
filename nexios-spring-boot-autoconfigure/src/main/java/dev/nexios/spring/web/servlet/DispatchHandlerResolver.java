package dev.nexios.spring.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds the handler that the {@code DispatcherServlet} will dispatch a request to, by asking the same
 * {@link HandlerMapping} beans in the same order, sorted by {@link AnnotationAwareOrderComparator} as
 * the {@code DispatcherServlet} sorts them (as the deprecated {@code HandlerMappingIntrospector} did). Attributes that the mappings set are kept on a wrapper, away from the real request, so that the
 * dispatch that follows starts from a clean request.
 */
final class DispatchHandlerResolver {

	private final ObjectProvider<HandlerMapping> handlerMappingsProvider;

	private volatile List<HandlerMapping> handlerMappings;

	DispatchHandlerResolver(ObjectProvider<HandlerMapping> handlerMappings) {
		this.handlerMappingsProvider = handlerMappings;
	}

	/**
	 * The handler of a request.
	 * @param request the request
	 * @return the handler (e.g. a {@code HandlerMethod}), or {@code null} when no mapping matches or a
	 * mapping refuses the request (then the dispatcher answers 404, 405, 406 or 415 and no handler runs)
	 */
	Object resolve(HttpServletRequest request) {
		HttpServletRequest isolated = new AttributeIsolatingRequest(request);
		ServletRequestPathUtils.parseAndCache(isolated);
		for (HandlerMapping mapping : handlerMappings()) {
			HandlerExecutionChain chain;
			try {
				chain = mapping.getHandler(isolated);
			}
			catch (Exception ex) {
				return null;
			}
			if (chain != null) {
				return chain.getHandler();
			}
		}
		return null;
	}

	private List<HandlerMapping> handlerMappings() {
		List<HandlerMapping> mappings = this.handlerMappings;
		if (mappings == null) {
			// sorted as the DispatcherServlet sorts them: by Ordered#getOrder() before an @Order of the
			// @Bean method, which orderedStream() would honour first
			List<HandlerMapping> sorted = new ArrayList<>(this.handlerMappingsProvider.stream().toList());
			AnnotationAwareOrderComparator.sort(sorted);
			mappings = List.copyOf(sorted);
			this.handlerMappings = mappings;
		}
		return mappings;
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
