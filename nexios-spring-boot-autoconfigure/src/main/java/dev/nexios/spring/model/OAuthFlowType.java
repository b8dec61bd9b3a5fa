package dev.nexios.spring.model;

/**
 * The OAuth 2.0 flows that an {@code oauth2} scheme can declare, OpenAPI 3.1 §4.8.28 (OAuth Flows
 * Object).
 */
public enum OAuthFlowType {

	/** {@code implicit}: needs {@code authorizationUrl}. */
	IMPLICIT("implicit", true, false),

	/** {@code password}: resource owner password credentials (RFC 6749 §4.3); needs {@code tokenUrl}. */
	PASSWORD("password", false, true),

	/** {@code clientCredentials} (RFC 6749 §4.4); needs {@code tokenUrl}. */
	CLIENT_CREDENTIALS("clientCredentials", false, true),

	/** {@code authorizationCode} (RFC 6749 §4.1); needs {@code authorizationUrl} and {@code tokenUrl}. */
	AUTHORIZATION_CODE("authorizationCode", true, true);

	private final String value;

	private final boolean needsAuthorizationUrl;

	private final boolean needsTokenUrl;

	OAuthFlowType(String value, boolean needsAuthorizationUrl, boolean needsTokenUrl) {
		this.value = value;
		this.needsAuthorizationUrl = needsAuthorizationUrl;
		this.needsTokenUrl = needsTokenUrl;
	}

	/**
	 * The field name of this flow in the OpenAPI OAuth Flows Object.
	 * @return e.g. {@code clientCredentials}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Whether this flow requires {@code authorizationUrl}.
	 * @return {@code true} for {@code implicit} and {@code authorizationCode}
	 */
	public boolean needsAuthorizationUrl() {
		return this.needsAuthorizationUrl;
	}

	/**
	 * Whether this flow requires {@code tokenUrl}.
	 * @return {@code true} for every flow but {@code implicit}
	 */
	public boolean needsTokenUrl() {
		return this.needsTokenUrl;
	}

}
