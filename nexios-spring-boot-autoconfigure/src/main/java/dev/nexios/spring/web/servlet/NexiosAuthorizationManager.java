package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.Decision;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The final decision of Spring Security's {@code AuthorizationFilter}, on every dispatch type: granted
 * exactly when the {@link NexiosSecurityFilter} let the current dispatch through. A dispatch that the
 * filter did not decide is denied.
 */
final class NexiosAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return (context.getRequest().getAttribute(Decision.ATTRIBUTE) instanceof Decision decision
				&& decision.isAllowed()) ? GRANTED : DENIED;
	}

}
