package dev.nexios.spring.web.servlet;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * The decision on one dispatch of a request, made by the {@link NexiosSecurityFilter} and carried out
 * by Spring Security's {@code AuthorizationFilter} ({@link NexiosAuthorizationManager}) and, for a
 * refusal, the {@link NexiosProblemResponses}.
 *
 * @param status {@code 200} (let through), or the status of the refusal: {@code 400}, {@code 401},
 * {@code 403} or {@code 503}
 * @param authentication the caller when let through with a satisfied requirement; {@code null} for a
 * public operation, an anonymous request on an optional one, and a refusal
 * @param detail the problem detail (RFC 9457 §3.1.4) of a refusal; never contains a credential
 * @param challenges the {@code WWW-Authenticate} challenges (RFC 9110 §11.6.1) of a refusal
 * @param operation the security the decision was made on
 */
record Decision(HttpStatus status, Authentication authentication, String detail, List<String> challenges,
		CompiledOperation operation) {

	/** The request attribute that holds the decision of the current dispatch. */
	static final String ATTRIBUTE = Decision.class.getName();

	Decision {
		challenges = List.copyOf(challenges);
	}

	static Decision allow(Authentication authentication, CompiledOperation operation) {
		return new Decision(HttpStatus.OK, authentication, null, List.of(), operation);
	}

	static Decision refuse(HttpStatus status, String detail, List<String> challenges, CompiledOperation operation) {
		return new Decision(status, null, detail, challenges, operation);
	}

	boolean isAllowed() {
		return this.status == HttpStatus.OK;
	}

}
