package dev.nexios.spring.sample.token;

import org.springframework.http.HttpStatus;

/**
 * A token request refused with an RFC 6749 §5.2 error. The description never contains the submitted
 * credentials.
 */
class TokenRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final HttpStatus status;

	TokenRequestException(String error, String description) {
		this(error, description, HttpStatus.BAD_REQUEST);
	}

	TokenRequestException(String error, String description, HttpStatus status) {
		super(description);
		this.error = error;
		this.status = status;
	}

	/**
	 * The RFC 6749 §5.2 error code, e.g. {@code invalid_grant}.
	 * @return the error code
	 */
	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

}
