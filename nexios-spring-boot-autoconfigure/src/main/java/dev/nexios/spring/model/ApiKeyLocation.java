package dev.nexios.spring.model;

/**
 * Where an API key is sent, OpenAPI 3.1 §4.8.27 ({@code in} field of an {@code apiKey} scheme).
 */
public enum ApiKeyLocation {

	/** A request header; its name is matched case-insensitively (RFC 9110 §5.1). */
	HEADER("header"),

	/** A query parameter. */
	QUERY("query"),

	/** A cookie (RFC 6265). */
	COOKIE("cookie");

	private final String value;

	ApiKeyLocation(String value) {
		this.value = value;
	}

	/**
	 * The value of the OpenAPI {@code in} field.
	 * @return e.g. {@code header}
	 */
	public String value() {
		return this.value;
	}

}
