package dev.nexios.spring.model;

/**
 * The type of a security scheme, OpenAPI 3.1 §4.8.27 ({@code type} field).
 */
public enum SecuritySchemeType {

	/** {@code http}: an HTTP authentication scheme (RFC 9110 §11), such as {@code bearer} or {@code basic}. */
	HTTP("http"),

	/** {@code apiKey}: a key in a header, a query parameter or a cookie. */
	API_KEY("apiKey"),

	/** {@code oauth2}: OAuth 2.0 (RFC 6749) with one or more flows; bearer access tokens (RFC 6750). */
	OAUTH2("oauth2"),

	/** {@code openIdConnect}: OpenID Connect Discovery; bearer access tokens (RFC 6750). */
	OPEN_ID_CONNECT("openIdConnect");

	private final String value;

	SecuritySchemeType(String value) {
		this.value = value;
	}

	/**
	 * The value of the OpenAPI {@code type} field.
	 * @return e.g. {@code apiKey}
	 */
	public String value() {
		return this.value;
	}

}
