package dev.nexios.spring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * The decision on one request (on the servlet stack: one dispatch of it), made by the
 * {@link SecurityEvaluation} and carried out by each stack's adapter: let through, or refused with
 * problem details and challenges.
 *
 * @param status {@code 200} (let through), or the status of the refusal: {@code 400}, {@code 401},
 * {@code 403} or {@code 503}
 * @param authentication the caller when let through with a satisfied requirement; {@code null} for a
 * public operation, an anonymous request on an optional one, and a refusal
 * @param detail the problem detail (RFC 9457 §3.1.4) of a refusal; never contains a credential
 * @param challenges the {@code WWW-Authenticate} challenges (RFC 9110 §11.6.1) of a refusal
 * @param operation the security the decision was made on
 * @param rejected for a {@code 401}: the invalid outcome of each scheme whose credential was sent and
 * refused, by scheme name, for the authentication failure events; empty otherwise. Never holds a
 * credential.
 */
public record Decision(HttpStatus status, Authentication authentication, String detail, List<String> challenges,
		CompiledOperation operation, Map<String, SchemeOutcome> rejected) {

	/** The request attribute that holds the decision of the current dispatch. */
	public static final String ATTRIBUTE = Decision.class.getName();

	/**
	 * Copies the challenges and rejected outcomes.
	 */
	public Decision {
		challenges = List.copyOf(challenges);
		rejected = rejected.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
	}

	/**
	 * Lets the request through.
	 * @param authentication the caller, or {@code null}
	 * @param operation the security decided on
	 * @return the decision
	 */
	public static Decision allow(Authentication authentication, CompiledOperation operation) {
		return new Decision(HttpStatus.OK, authentication, null, List.of(), operation, Map.of());
	}

	/**
	 * Refuses the request.
	 * @param status the status
	 * @param detail the problem detail
	 * @param challenges the challenges
	 * @param operation the security decided on
	 * @return the decision
	 */
	public static Decision refuse(HttpStatus status, String detail, List<String> challenges, CompiledOperation operation) {
		return new Decision(status, null, detail, challenges, operation, Map.of());
	}

	/**
	 * Refuses a request with {@code 401}.
	 * @param detail the problem detail
	 * @param challenges the challenges
	 * @param rejected the invalid outcome of each scheme whose credential was refused, by scheme name
	 * @param operation the security decided on
	 * @return the decision
	 */
	public static Decision unauthorized(String detail, List<String> challenges, Map<String, SchemeOutcome> rejected,
			CompiledOperation operation) {
		return new Decision(HttpStatus.UNAUTHORIZED, null, detail, challenges, operation, rejected);
	}

	/**
	 * @return whether the request is let through
	 */
	public boolean isAllowed() {
		return this.status == HttpStatus.OK;
	}

}
