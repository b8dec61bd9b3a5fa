package dev.nexios.spring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;

/**
 * Which actuator endpoint a mapping pattern belongs to, for both web stacks: the endpoint whose path
 * ({@code management.endpoints.web.base-path} + its root path, or one of its additional paths such as a
 * health group's) begins the pattern, the longest such path winning. Only called when Spring Boot's
 * actuator is on the class path.
 */
public final class ActuatorEndpointIds {

	private ActuatorEndpointIds() {
	}

	/**
	 * The endpoint ID of a mapping pattern.
	 * @param beans the application context (its ancestors are searched too)
	 * @param pattern the pattern that matched, e.g. {@code /actuator/health/**}
	 * @return the endpoint ID, e.g. {@code health}; {@code null} for the links page, a path of no
	 * endpoint, or no pattern
	 */
	public static @Nullable String endpointId(ListableBeanFactory beans, @Nullable String pattern) {
		if (pattern == null) {
			return null;
		}
		Map<String, PathMappedEndpoints> all = BeanFactoryUtils.beansOfTypeIncludingAncestors(beans,
				PathMappedEndpoints.class, false, false);
		String best = null;
		int bestLength = -1;
		for (PathMappedEndpoints endpoints : all.values()) {
			String base = endpoints.getBasePath();
			for (PathMappedEndpoint endpoint : endpoints) {
				if (!(endpoint instanceof ExposableEndpoint<?> exposable)) {
					continue;
				}
				List<String> paths = new ArrayList<>();
				paths.add(base + "/" + endpoint.getRootPath());
				paths.addAll(endpoint.getAdditionalPaths(WebServerNamespace.SERVER));
				paths.addAll(endpoint.getAdditionalPaths(WebServerNamespace.MANAGEMENT));
				for (String path : paths) {
					boolean matches = pattern.equals(path) || pattern.startsWith(path + "/");
					if (matches && path.length() > bestLength) {
						best = exposable.getEndpointId().toString();
						bestLength = path.length();
					}
				}
			}
		}
		return best;
	}

}
