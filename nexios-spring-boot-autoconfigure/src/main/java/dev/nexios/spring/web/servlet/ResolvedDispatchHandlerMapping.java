package dev.nexios.spring.web.servlet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.MatchableHandlerMapping;
import org.springframework.web.servlet.handler.RequestMatchResult;

/**
 * The first {@link HandlerMapping} of the {@code DispatcherServlet}: it hands back the handler that the
 * {@link NexiosSecurityFilter} resolved and decided on for the current dispatch, with the request attributes
 * that the mapping which found it set, so that the dispatcher runs exactly the handler that was decided on
 * and Spring MVC's pattern lookup runs once per dispatch, as without the starter.
 *
 * <p>Without a resolved handler for the current dispatch — the filter did not run (a {@code MockMvc} without
 * filters, a request of another {@code SecurityFilterChain}), the dispatch has no handler, or it is another
 * dispatch (a named dispatch, which passes no filter) — it returns {@code null} and the next mappings look the
 * handler up themselves.
 */
final class ResolvedDispatchHandlerMapping implements MatchableHandlerMapping, Ordered {

	@Override
	public HandlerExecutionChain getHandler(HttpServletRequest request) {
		DispatchHandlerResolver.Dispatch dispatch = DispatchHandlerResolver.Dispatch.current(request);
		if (dispatch == null || dispatch.chain() == null) {
			return null;
		}
		dispatch.exposeAttributes(request);
		return dispatch.chain();
	}

	/**
	 * Matches with the mapping that found the handler of the current dispatch, for callers of
	 * {@code HandlerMappingIntrospector#getMatchableHandlerMapping} during a dispatch.
	 */
	@Override
	public RequestMatchResult match(HttpServletRequest request, String pattern) {
		DispatchHandlerResolver.Dispatch dispatch = DispatchHandlerResolver.Dispatch.current(request);
		return (dispatch != null && dispatch.mapping() instanceof MatchableHandlerMapping mapping)
				? mapping.match(request, pattern) : null;
	}

	@Override
	public boolean usesPathPatterns() {
		return true;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
