package dev.nexios.spring.web.servlet;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;

/**
 * The first {@link HandlerMapping} of the {@code DispatcherServlet}: it hands back the handler that the
 * {@link NexiosSecurityFilter} resolved and decided on for the current dispatch, with the request attributes
 * that the mapping which found it set, so that the dispatcher runs exactly the handler that was decided on
 * and Spring MVC's pattern lookup runs once per dispatch, as without the starter.
 *
 * <p>When the filter did not run for the request (a {@code MockMvc} without filters, a request of another
 * {@code SecurityFilterChain}), it returns {@code null} and the next mappings look the handler up themselves.
 * When the filter found no handler, or the lookup threw, the dispatcher gets the same answer
 * ({@link NoHandlerFoundException}, or the lookup's exception) and never a second lookup: the request may
 * have changed since the decision (a {@code MultipartResolver} wrapping it reads parameters differently
 * from the container), and a handler found now would not be the one decided on.
 * When the filter decided the request but the dispatch is another one — a filter after Spring Security's
 * changed the request's path or method, or a named dispatch, which passes no filter — nothing decided it:
 * the dispatch is refused ({@link AccessDeniedException}, answered by the chain's {@code 401}/{@code 403})
 * and a warning says so once.
 */
final class ResolvedDispatchHandlerMapping implements HandlerMapping, Ordered {

	private static final Log logger = LogFactory.getLog(ResolvedDispatchHandlerMapping.class);

	private final AtomicBoolean warned = new AtomicBoolean();

	@Override
	public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
		Object decided = request.getAttribute(DispatchHandlerResolver.Dispatch.ATTRIBUTE);
		if (decided == null) {
			return null;
		}
		DispatchHandlerResolver.Dispatch dispatch = DispatchHandlerResolver.Dispatch.current(request);
		if (dispatch == null) {
			if (this.warned.compareAndSet(false, true)) {
				logger.warn("Refused a " + request.getDispatcherType() + " dispatch that the security filter did not "
						+ "decide: the request's method or path changed after Spring Security's filter chain (a "
						+ "filter ordered after it, e.g. a URL rewriting filter, must run before it), or a named "
						+ "dispatch, which passes no filter, reached the DispatcherServlet");
			}
			throw new AccessDeniedException("This dispatch was not decided by the security filter");
		}
		if (dispatch.chain() == null) {
			// decided without a handler: the dispatcher must not find one on its own (a second lookup on a request
			// that has changed since, e.g. wrapped by the MultipartResolver), but answer as the lookup did
			if (dispatch.kind() == DispatchHandlerResolver.Kind.LOOKUP_FAILED && dispatch.failure() != null) {
				throw dispatch.failure();
			}
			if (dispatch.kind() == DispatchHandlerResolver.Kind.NO_HANDLER) {
				throw new NoHandlerFoundException(request.getMethod(), request.getRequestURI(),
						new ServletServerHttpRequest(request).getHeaders());
			}
			return null;
		}
		dispatch.exposeAttributes(request);
		return dispatch.chain();
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
