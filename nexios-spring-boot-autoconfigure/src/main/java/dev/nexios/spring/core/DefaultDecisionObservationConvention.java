package dev.nexios.spring.core;

import java.util.Locale;
import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The default {@link DecisionObservationConvention}: observation {@value #NAME}, with the low-cardinality
 * key values
 * <ul>
 * <li>{@code outcome}: {@code ok} (let through), {@code unauthorized} (401), {@code forbidden} (403),
 * {@code bad_request} (400), {@code unavailable} (503);</li>
 * <li>{@code scheme}: the schemes that satisfied the request, joined with {@code ,} in requirement order
 * (e.g. {@code bearerAuth} or {@code bearerAuth,apiKeyAuth}); {@code none} for a public operation, an
 * anonymous request on an optional one, and a refusal;</li>
 * <li>{@code operation}: the mapping pattern of the request's handler (e.g. {@code /items/{id}}), never the
 * raw path; {@code UNKNOWN} when its handler mapping sets none (no handler, another servlet);</li>
 * <li>{@code method}: the request method; {@code UNKNOWN} for a method that is not a standard one.</li>
 * </ul>
 * No high-cardinality key value: the principal and the credential are not observed.
 */
public class DefaultDecisionObservationConvention implements DecisionObservationConvention {

	/** The name of the observation, and of the timer that Micrometer's meter handler makes of it. */
	public static final String NAME = "nexios.security.decision";

	/** The value of {@code scheme} when no scheme satisfied the request, and of {@code outcome} before the decision. */
	public static final String NONE = "none";

	/** The value of {@code operation} and {@code method} when they are not known. */
	public static final String UNKNOWN = "UNKNOWN";

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private static final KeyValue SCHEME_NONE = KeyValue.of("scheme", NONE);

	private static final KeyValue OPERATION_UNKNOWN = KeyValue.of("operation", UNKNOWN);

	private static final KeyValue METHOD_UNKNOWN = KeyValue.of("method", UNKNOWN);

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DecisionObservationContext context) {
		return "nexios security decision";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DecisionObservationContext context) {
		return KeyValues.of(outcome(context), scheme(context), operation(context), method(context));
	}

	/**
	 * The {@code outcome} key value.
	 * @param context the context
	 * @return {@code ok}, {@code unauthorized}, {@code forbidden}, {@code bad_request}, {@code unavailable};
	 * {@code none} before the decision is made
	 */
	protected KeyValue outcome(DecisionObservationContext context) {
		Decision decision = context.getDecision();
		return KeyValue.of("outcome", (decision != null) ? outcome(decision.status()) : NONE);
	}

	private static String outcome(HttpStatus status) {
		return switch (status) {
			case OK -> "ok";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			case BAD_REQUEST -> "bad_request";
			case SERVICE_UNAVAILABLE -> "unavailable";
			default -> status.name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * The {@code scheme} key value.
	 * @param context the context
	 * @return the satisfying schemes, or {@code none}
	 */
	protected KeyValue scheme(DecisionObservationContext context) {
		Decision decision = context.getDecision();
		if (decision != null && decision.authentication() instanceof NexiosAuthentication authentication) {
			return KeyValue.of("scheme", String.join(",", authentication.getSchemes()));
		}
		return SCHEME_NONE;
	}

	/**
	 * The {@code operation} key value.
	 * @param context the context
	 * @return the mapping pattern, or {@code UNKNOWN}
	 */
	protected KeyValue operation(DecisionObservationContext context) {
		@Nullable String pattern = context.getPattern();
		return (pattern != null && !pattern.isEmpty()) ? KeyValue.of("operation", pattern) : OPERATION_UNKNOWN;
	}

	/**
	 * The {@code method} key value.
	 * @param context the context
	 * @return the standard method, or {@code UNKNOWN}
	 */
	protected KeyValue method(DecisionObservationContext context) {
		String method = context.getMethod();
		return METHODS.contains(method) ? KeyValue.of("method", method) : METHOD_UNKNOWN;
	}

}
