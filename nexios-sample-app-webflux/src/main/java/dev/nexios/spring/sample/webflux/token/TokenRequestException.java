package dev.nexios.spring.sample.webflux.token;

/**
 * A token request refused with an RFC 6749 §5.2 error, answered with status 400. The description never
 * contains the submitted credentials.
 */
class TokenRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	/**
	 * Creates a refusal.
	 * @param error the RFC 6749 §5.2 error code, e.g. {@code invalid_grant}
	 * @param description a human-readable description for {@code error_description}
	 */
	TokenRequestException(String error, String description) {
		super(description);
		this.error = error;
	}

	/**
	 * The RFC 6749 §5.2 error code, e.g. {@code invalid_grant}.
	 * @return the error code
	 */
	String error() {
		return this.error;
	}

}
