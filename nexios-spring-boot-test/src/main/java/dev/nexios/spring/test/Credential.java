package dev.nexios.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One credential as it travels in a request: header, query parameter and cookie values. The
 * {@link #description()} is what the report shows; it must never contain the secret itself.
 *
 * @param description a short, secret-free description, e.g. {@code "token signed by another key"}
 * @param headers request headers (name to value)
 * @param queryParameters query parameters (name to value)
 * @param cookies cookies (name to value)
 */
public record Credential(String description, Map<String, String> headers, Map<String, String> queryParameters,
		Map<String, String> cookies) {

	public Credential {
		headers = Map.copyOf(headers);
		queryParameters = Map.copyOf(queryParameters);
		cookies = Map.copyOf(cookies);
	}

	/**
	 * A credential sent as one request header.
	 * @param name the header name
	 * @param value the header value
	 * @return the credential
	 */
	public static Credential header(String name, String value) {
		return new Credential("", Map.of(name, value), Map.of(), Map.of());
	}

	/**
	 * A credential sent as one query parameter.
	 * @param name the parameter name
	 * @param value the parameter value
	 * @return the credential
	 */
	public static Credential queryParameter(String name, String value) {
		return new Credential("", Map.of(), Map.of(name, value), Map.of());
	}

	/**
	 * A credential sent as one cookie.
	 * @param name the cookie name
	 * @param value the cookie value
	 * @return the credential
	 */
	public static Credential cookie(String name, String value) {
		return new Credential("", Map.of(), Map.of(), Map.of(name, value));
	}

	/**
	 * {@code Authorization: Bearer <token>} (RFC 6750 §2.1).
	 * @param token the access token
	 * @return the credential
	 */
	public static Credential bearer(String token) {
		return header("Authorization", "Bearer " + token);
	}

	/**
	 * {@code Authorization: Basic <base64(user:password)>} (RFC 7617 §2), UTF-8.
	 * @param username the user
	 * @param password the password
	 * @return the credential
	 */
	public static Credential basic(String username, String password) {
		String encoded = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return header("Authorization", "Basic " + encoded);
	}

	/**
	 * Places a token or key where the document's scheme says it goes: {@code Authorization: Bearer}
	 * for {@code http bearer}, {@code oauth2} and {@code openIdConnect}; the named header, query
	 * parameter or cookie for {@code apiKey}.
	 * @param scheme the documented scheme
	 * @param value the token or key
	 * @return the credential
	 * @throws IllegalArgumentException for schemes that do not carry a single token ({@code http basic},
	 * other HTTP schemes, {@code mutualTLS}) or an {@code apiKey} scheme without {@code in}/{@code name}
	 */
	public static Credential forScheme(DocumentedScheme scheme, String value) {
		if (scheme.usesBearerToken()) {
			return bearer(value);
		}
		if (scheme.isApiKey() && scheme.in() != null && scheme.parameterName() != null) {
			return switch (scheme.in().toLowerCase(Locale.ROOT)) {
				case "header" -> header(scheme.parameterName(), value);
				case "query" -> queryParameter(scheme.parameterName(), value);
				case "cookie" -> cookie(scheme.parameterName(), value);
				default -> throw new IllegalArgumentException("Unknown apiKey location of " + scheme);
			};
		}
		throw new IllegalArgumentException("A single token cannot be placed for " + scheme);
	}

	/**
	 * This credential with another description.
	 * @param description the secret-free description
	 * @return a new credential
	 */
	public Credential describedAs(String description) {
		return new Credential(description, this.headers, this.queryParameters, this.cookies);
	}

	/**
	 * This credential with one character changed in the middle of every value (after an
	 * {@code Authorization} header's scheme word), so that it keeps its shape but is no longer valid.
	 * @return a new credential, described as {@code "tampered credential"}
	 */
	public Credential tampered() {
		return new Credential("tampered credential", map(this.headers, Credential::tamper),
				map(this.queryParameters, Credential::tamper), map(this.cookies, Credential::tamper));
	}

	private static Map<String, String> map(Map<String, String> values, UnaryOperator<String> operator) {
		Map<String, String> result = new LinkedHashMap<>();
		values.forEach((name, value) -> result.put(name, operator.apply(value)));
		return result;
	}

	static String tamper(String value) {
		int space = value.indexOf(' ');
		String prefix = (space > 0) ? value.substring(0, space + 1) : "";
		String secret = value.substring(prefix.length());
		if (secret.isEmpty()) {
			return prefix + "x";
		}
		int middle = secret.length() / 2;
		char original = secret.charAt(middle);
		char replacement = (original == 'x') ? 'y' : 'x';
		return prefix + secret.substring(0, middle) + replacement + secret.substring(middle + 1);
	}

	@Override
	public String toString() {
		return "Credential[" + this.description + "]";
	}

}
