package dev.nexios.spring.web.servlet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The CORS configuration of the handler that the {@link NexiosSecurityFilter} resolved for the current
 * dispatch, read as Spring MVC's {@code HandlerMappingIntrospector} reads it (the chain's CORS interceptor,
 * else a handler that is a {@link CorsConfigurationSource}: the global and the handler's
 * {@code @CrossOrigin} configuration combined), without looking the handler up once more.
 */
final class ResolvedCorsConfigurationSource implements CorsConfigurationSource {

	@Override
	public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		DispatchHandlerResolver.Dispatch dispatch = DispatchHandlerResolver.Dispatch.current(request);
		HandlerExecutionChain chain = (dispatch != null) ? dispatch.chain() : null;
		if (chain == null) {
			return null;
		}
		for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
			if (interceptor instanceof CorsConfigurationSource source) {
				return source.getCorsConfiguration(request);
			}
		}
		return (chain.getHandler() instanceof CorsConfigurationSource source) ? source.getCorsConfiguration(request)
				: null;
	}

}
