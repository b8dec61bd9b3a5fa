package dev.nexios.spring.core;

import java.util.List;

/**
 * The parts of an HTTP request that the evaluation of security requirements reads, implemented by each
 * stack's adapter (a servlet request, a reactive {@code ServerHttpRequest}).
 */
public interface NexiosRequest {

	/**
	 * The values of a header, one per field line, in order.
	 * @param name the header name, matched case-insensitively
	 * @return the values; empty when there are none
	 */
	List<String> headers(String name);

	/**
	 * The first value of a header.
	 * @param name the header name, matched case-insensitively
	 * @return the value, or {@code null}
	 */
	default String header(String name) {
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Whether a header was sent on more than one field line.
	 * @param name the header name, matched case-insensitively
	 * @return {@code true} for two values or more
	 */
	default boolean hasSeveral(String name) {
		return headers(name).size() > 1;
	}

	/**
	 * The query string as sent, not decoded.
	 * @return the query string without {@code ?}, or {@code null}
	 */
	String queryString();

	/**
	 * The values of the cookies of one name, in order.
	 * @param name the cookie name, matched exactly
	 * @return the values; empty when there are none
	 */
	List<String> cookies(String name);

	/**
	 * The request method.
	 * @return e.g. {@code GET}
	 */
	String method();

	/**
	 * Whether the request has an {@code Origin} header that differs from the request's own scheme, host
	 * and port (a CORS request); an {@code Origin} that is not a URI differs.
	 * @return {@code true} for a cross-origin request
	 */
	boolean isCrossOrigin();

}
