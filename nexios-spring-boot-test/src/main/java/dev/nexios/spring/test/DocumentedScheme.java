package dev.nexios.spring.test;

import java.util.Locale;

import io.swagger.v3.oas.models.security.SecurityScheme;

import org.jspecify.annotations.Nullable;

/**
 * A security scheme as the application's OpenAPI document declares it under
 * {@code components.securitySchemes} (OpenAPI 3.1 §4.8.27). Credentials read it to know where a
 * credential goes.
 *
 * @param name the scheme's name, the key under {@code components.securitySchemes}
 * @param type {@code apiKey}, {@code http}, {@code oauth2}, {@code openIdConnect} or {@code mutualTLS}
 * @param scheme for {@code http}: the HTTP authentication scheme, lower case (e.g. {@code bearer},
 * {@code basic}); otherwise {@code null}
 * @param bearerFormat for {@code http bearer}: the token format hint, or {@code null}
 * @param in for {@code apiKey}: {@code header}, {@code query} or {@code cookie}; otherwise {@code null}
 * @param parameterName for {@code apiKey}: the header, query parameter or cookie name; otherwise
 * {@code null}
 */
public record DocumentedScheme(String name, @Nullable String type, @Nullable String scheme,
		@Nullable String bearerFormat, @Nullable String in, @Nullable String parameterName) {

	static DocumentedScheme from(String name, SecurityScheme scheme) {
		String type = (scheme.getType() != null) ? scheme.getType().toString() : null;
		String httpScheme = (scheme.getScheme() != null) ? scheme.getScheme().toLowerCase(Locale.ROOT) : null;
		String in = (scheme.getIn() != null) ? scheme.getIn().toString() : null;
		return new DocumentedScheme(name, type, httpScheme, scheme.getBearerFormat(), in, scheme.getName());
	}

	/**
	 * Whether a request authenticates with this scheme through {@code Authorization: Bearer}
	 * (RFC 6750 §2.1): {@code http bearer}, {@code oauth2} and {@code openIdConnect}.
	 * @return {@code true} for bearer-token schemes
	 */
	public boolean usesBearerToken() {
		return ("http".equals(this.type) && "bearer".equals(this.scheme)) || "oauth2".equals(this.type)
				|| "openIdConnect".equals(this.type);
	}

	/**
	 * Whether this is {@code http basic} (RFC 7617).
	 * @return {@code true} for basic
	 */
	public boolean usesBasic() {
		return "http".equals(this.type) && "basic".equals(this.scheme);
	}

	/**
	 * Whether this is an {@code apiKey} scheme.
	 * @return {@code true} for API keys
	 */
	public boolean isApiKey() {
		return "apiKey".equals(this.type);
	}

	/**
	 * Where a credential of this scheme travels, so that two schemes reading the same place can be told:
	 * {@code "Authorization header"} for bearer and basic schemes, {@code "header x-api-key"} (lower
	 * case), {@code "query parameter api_key"} or {@code "cookie session"} for API keys.
	 * @return the place, or {@code null} for schemes whose credential the check cannot place
	 * ({@code mutualTLS}, other HTTP schemes, an {@code apiKey} without {@code in}/{@code name})
	 */
	public @Nullable String slot() {
		if (usesBearerToken() || usesBasic()) {
			return "Authorization header";
		}
		if (isApiKey() && this.in != null && this.parameterName != null) {
			return switch (this.in.toLowerCase(Locale.ROOT)) {
				case "header" -> "header " + this.parameterName.toLowerCase(Locale.ROOT);
				case "query" -> "query parameter " + this.parameterName;
				case "cookie" -> "cookie " + this.parameterName;
				default -> null;
			};
		}
		return null;
	}

	/**
	 * The authentication scheme word of an {@code Authorization} header credential: {@code bearer} or
	 * {@code basic}; {@code null} for API keys. A bearer scheme does not read a basic credential.
	 * @return the word, or {@code null}
	 */
	public @Nullable String authorizationScheme() {
		return usesBearerToken() ? "bearer" : usesBasic() ? "basic" : null;
	}

	@Override
	public String toString() {
		return this.name + " (" + this.type + ((this.scheme != null) ? " " + this.scheme : "")
				+ ((this.in != null) ? " in " + this.in + " " + this.parameterName : "") + ")";
	}

}
