package dev.nexios.spring.web.reactive;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the handler that WebFlux's {@link DispatcherHandler} will use for a request, by asking its
 * {@link HandlerMapping}s in its order. Attributes that the mappings set, and the CORS headers they
 * write, are kept on a decorator, away from the real exchange, so that the dispatch that follows starts
 * from a clean exchange.
 */
final class ReactiveHandlerResolver {

	private final ApplicationContext applicationContext;

	private volatile List<HandlerMapping> handlerMappings;

	ReactiveHandlerResolver(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * The handler of a request.
	 * @param exchange the exchange
	 * @return the handler with the mapping that returned it; a dispatch without handler when no mapping
	 * matches or a mapping fails (the dispatcher would answer 404, 405, 406 or 415)
	 */
	Mono<Dispatch> resolve(ServerWebExchange exchange) {
		IsolatedExchange isolated = new IsolatedExchange(exchange);
		return Flux.fromIterable(handlerMappings())
			.concatMap((mapping) -> mapping.getHandler(isolated)
				.map((handler) -> new Dispatch(mapping, handler, pattern(isolated), isolated.corsHeaders(),
						pathWithinMapping(isolated))))
			.next()
			.onErrorResume((ex) -> Mono.just(Dispatch.NONE))
			.defaultIfEmpty(Dispatch.NONE);
	}

	private static String pathWithinMapping(ServerWebExchange exchange) {
		Object path = exchange.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
		return (path instanceof PathContainer container) ? container.value() : (path != null) ? path.toString() : null;
	}

	private static String pattern(ServerWebExchange exchange) {
		Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern instanceof PathPattern pathPattern) ? pathPattern.getPatternString()
				: (pattern != null) ? pattern.toString() : null;
	}

	private List<HandlerMapping> handlerMappings() {
		List<HandlerMapping> mappings = this.handlerMappings;
		if (mappings == null) {
			Map<String, DispatcherHandler> dispatchers = this.applicationContext.getBeansOfType(DispatcherHandler.class,
					false, false);
			List<HandlerMapping> fromDispatcher = (dispatchers.size() == 1)
					? dispatchers.values().iterator().next().getHandlerMappings() : null;
			if (fromDispatcher != null) {
				mappings = List.copyOf(fromDispatcher);
			}
			else {
				mappings = new java.util.ArrayList<>(
						this.applicationContext.getBeansOfType(HandlerMapping.class, false, false).values());
				AnnotationAwareOrderComparator.sort(mappings);
				mappings = List.copyOf(mappings);
			}
			this.handlerMappings = mappings;
		}
		return mappings;
	}

	/**
	 * The handler of a request, and the mapping that returned it.
	 *
	 * @param mapping the mapping, {@code null} when there is no handler
	 * @param handler the handler, {@code null} when there is none
	 * @param pattern the mapping's best matching pattern, where it sets one
	 * @param corsHeaders the CORS response headers ({@code Access-Control-*}, {@code Vary}) that the
	 * mapping's CORS processing wrote, for a refusal to carry as the dispatch would have
	 * @param pathWithinMapping the path within the matched pattern (e.g. a static file's), where the
	 * mapping sets one
	 */
	record Dispatch(HandlerMapping mapping, Object handler, String pattern, HttpHeaders corsHeaders,
			String pathWithinMapping) {

		static final Dispatch NONE = new Dispatch(null, null, null, HttpHeaders.EMPTY, null);

	}

	/**
	 * The exchange with attributes, response status and response headers of its own.
	 */
	private static final class IsolatedExchange extends ServerWebExchangeDecorator {

		private final Map<String, Object> attributes;

		private final HttpHeaders headers = new HttpHeaders();

		private final ServerHttpResponse response;

		IsolatedExchange(ServerWebExchange delegate) {
			super(delegate);
			this.attributes = new ConcurrentHashMap<>(delegate.getAttributes());
			this.response = new ServerHttpResponseDecorator(delegate.getResponse()) {

				private HttpStatusCode status;

				@Override
				public HttpHeaders getHeaders() {
					return IsolatedExchange.this.headers;
				}

				@Override
				public boolean setStatusCode(HttpStatusCode status) {
					this.status = status;
					return true;
				}

				@Override
				public HttpStatusCode getStatusCode() {
					return this.status;
				}

			};
		}

		HttpHeaders corsHeaders() {
			HttpHeaders cors = new HttpHeaders();
			this.headers.forEach((name, values) -> {
				if (name.regionMatches(true, 0, "Access-Control-", 0, 15) || HttpHeaders.VARY.equalsIgnoreCase(name)) {
					cors.addAll(name, values);
				}
			});
			return cors;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getAttribute(String name) {
			return (T) this.attributes.get(name);
		}

		@Override
		public ServerHttpResponse getResponse() {
			return this.response;
		}

	}

}
