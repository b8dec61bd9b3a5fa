package dev.nexios.spring.web.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Whether a static resource handler has a file for a request, resolved through the handler's own
 * {@link ResourceResolver}s and locations, as the handler itself would resolve it.
 */
final class StaticResources {

	private StaticResources() {
	}

	/**
	 * Whether the file exists.
	 * @param handler the resource handler
	 * @param path the path within the handler's mapping ({@code HandlerMapping#PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE})
	 * @param request the request
	 * @return {@code true} when the handler would serve a readable resource; {@code false} when it would
	 * answer {@code 404}, or the path is unknown
	 */
	static boolean exists(ResourceHttpRequestHandler handler, String path, HttpServletRequest request) {
		if (path == null) {
			return false;
		}
		try {
			Resource resource = new Chain(handler.getResourceResolvers(), 0).resolveResource(request, path,
					handler.getLocations());
			return resource != null && resource.isReadable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The resolver chain, as Spring MVC's own (package-private) one walks it.
	 */
	private record Chain(List<ResourceResolver> resolvers, int index) implements ResourceResolverChain {

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			if (this.index >= this.resolvers.size()) {
				return null;
			}
			return this.resolvers.get(this.index)
				.resolveResource(request, requestPath, locations, new Chain(this.resolvers, this.index + 1));
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			if (this.index >= this.resolvers.size()) {
				return null;
			}
			return this.resolvers.get(this.index)
				.resolveUrlPath(resourcePath, locations, new Chain(this.resolvers, this.index + 1));
		}

	}

}
