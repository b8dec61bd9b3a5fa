package dev.nexios.spring.web.reactive;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whether a static resource handler has a file for a request, resolved through the handler's own
 * {@link ResourceResolver}s and locations, as the handler itself would resolve it.
 */
final class ReactiveStaticResources {

	private ReactiveStaticResources() {
	}

	/**
	 * Whether the file exists.
	 * @param handler the resource handler
	 * @param path the path within the handler's mapping, or {@code null} when unknown
	 * @param exchange the exchange
	 * @return {@code true} when the handler would serve a readable resource
	 */
	static Mono<Boolean> exists(ResourceWebHandler handler, String path, ServerWebExchange exchange) {
		if (path == null) {
			return Mono.just(false);
		}
		return new Chain(handler.getResourceResolvers(), 0).resolveResource(exchange, path, handler.getLocations())
			.map(Resource::isReadable)
			.defaultIfEmpty(false)
			.onErrorReturn(false);
	}

	/**
	 * The resolver chain, as WebFlux's own (package-private) one walks it.
	 */
	private record Chain(List<ResourceResolver> resolvers, int index) implements ResourceResolverChain {

		@Override
		public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
				List<? extends Resource> locations) {
			if (this.index >= this.resolvers.size()) {
				return Mono.empty();
			}
			return this.resolvers.get(this.index)
				.resolveResource(exchange, requestPath, locations, new Chain(this.resolvers, this.index + 1));
		}

		@Override
		public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			if (this.index >= this.resolvers.size()) {
				return Mono.empty();
			}
			return this.resolvers.get(this.index)
				.resolveUrlPath(resourcePath, locations, new Chain(this.resolvers, this.index + 1));
		}

	}

}
