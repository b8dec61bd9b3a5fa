package dev.nexios.spring.test;

/**
 * What the OpenAPI document promises for one request.
 */
public enum Expectation {

	/** The request meets the operation's security (or the operation is public): neither 401 nor 403. */
	NOT_REJECTED("not 401/403"),

	/** No security requirement alternative is met: 401 Unauthorized (RFC 9110 §15.5.2). */
	UNAUTHORIZED("401"),

	/**
	 * Authenticated for an alternative whose schemes were all presented, but a required scope is
	 * missing: 403 Forbidden (RFC 6750 §3.1 {@code insufficient_scope}).
	 */
	FORBIDDEN("403");

	private final String label;

	Expectation(String label) {
		this.label = label;
	}

	/**
	 * Whether a response status keeps the promise.
	 * @param status the HTTP status code
	 * @return {@code true} if it does
	 */
	public boolean isMetBy(int status) {
		return switch (this) {
			case NOT_REJECTED -> status != 401 && status != 403;
			case UNAUTHORIZED -> status == 401;
			case FORBIDDEN -> status == 403;
		};
	}

	/**
	 * Whether a status that keeps this promise still shows that the request did not reach the operation:
	 * for {@link #NOT_REJECTED}, {@code 400}, {@code 404}, {@code 405}, {@code 406}, {@code 415} and
	 * {@code 422} (the application refused a parameter, the body or the route before the operation ran).
	 * @param status the HTTP status code
	 * @return {@code true} if the request was not exercised
	 */
	public boolean notExercisedBy(int status) {
		return this == NOT_REJECTED
				&& (status == 400 || status == 404 || status == 405 || status == 406 || status == 415 || status == 422);
	}

	/**
	 * A short label for reports: {@code not 401/403}, {@code 401} or {@code 403}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
