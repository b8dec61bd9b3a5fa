package dev.nexios.spring.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One OAuth 2.0 flow of an {@code oauth2} scheme, OpenAPI 3.1 §4.8.29 (OAuth Flow Object).
 *
 * @param authorizationUrl the authorization endpoint, for {@code implicit} and
 * {@code authorizationCode}; otherwise {@code null}
 * @param tokenUrl the token endpoint, for {@code password}, {@code clientCredentials} and
 * {@code authorizationCode}; otherwise {@code null}
 * @param refreshUrl the refresh endpoint, or {@code null}
 * @param scopes scope name to description, in declaration order; unmodifiable, possibly empty
 */
public record OAuthFlow(@Nullable String authorizationUrl, @Nullable String tokenUrl, @Nullable String refreshUrl,
		Map<String, String> scopes) {

	public OAuthFlow {
		scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
	}

}
