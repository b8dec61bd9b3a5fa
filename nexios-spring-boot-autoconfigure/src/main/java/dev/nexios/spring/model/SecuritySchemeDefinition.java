package dev.nexios.spring.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.jspecify.annotations.Nullable;

/**
 * A declared security scheme with exactly the fields of OpenAPI 3.1 §4.8.27 (Security Scheme Object).
 * Fields that do not apply to the {@link #type()} are {@code null} (or empty).
 *
 * @param name the scheme's name, the key under {@code components.securitySchemes}
 * @param type the scheme type
 * @param description a description for the documentation, or {@code null}
 * @param scheme for {@code http}: the HTTP authentication scheme (RFC 9110 §11), lower case, e.g.
 * {@code bearer} or {@code basic}
 * @param bearerFormat for {@code http bearer}: a hint of the token format, e.g. {@code JWT}
 * @param keyName for {@code apiKey}: the header, query parameter or cookie name
 * @param in for {@code apiKey}: where the key is sent
 * @param flows for {@code oauth2}: the declared flows; unmodifiable, empty for other types
 * @param openIdConnectUrl for {@code openIdConnect}: the discovery URL
 */
public record SecuritySchemeDefinition(String name, @Nullable SecuritySchemeType type, @Nullable String description,
		@Nullable String scheme, @Nullable String bearerFormat, @Nullable String keyName, @Nullable ApiKeyLocation in,
		Map<OAuthFlowType, OAuthFlow> flows, @Nullable String openIdConnectUrl) {

	public SecuritySchemeDefinition {
		flows = flows.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(flows));
	}

	/**
	 * Whether requests authenticate with this scheme through a bearer token in the
	 * {@code Authorization} header (RFC 6750 §2.1): {@code http bearer}, {@code oauth2} and
	 * {@code openIdConnect}.
	 * @return {@code true} for bearer-token schemes
	 */
	public boolean usesBearerToken() {
		return switch (this.type) {
			case HTTP -> "bearer".equalsIgnoreCase(this.scheme);
			case OAUTH2, OPEN_ID_CONNECT -> true;
			case API_KEY -> false;
		};
	}

	/**
	 * The scopes declared by the flows of an {@code oauth2} scheme.
	 * @return scope names in declaration order, empty for other types
	 */
	public Set<String> declaredScopes() {
		Set<String> scopes = new LinkedHashSet<>();
		this.flows.values().forEach((flow) -> scopes.addAll(flow.scopes().keySet()));
		return scopes;
	}

	/**
	 * Whether the scopes that a requirement may name are limited to {@link #declaredScopes()}: true for
	 * {@code oauth2}, whose flows declare them. Other types accept any scope name.
	 * @return {@code true} for {@code oauth2}
	 */
	public boolean declaresScopes() {
		return this.type == SecuritySchemeType.OAUTH2;
	}

	/**
	 * Reads a swagger-core scheme into an immutable definition. Incomplete schemes are kept as they are
	 * (missing fields are {@code null}) so that startup validation can report every problem at once.
	 * @param name the scheme name
	 * @param scheme the swagger-core scheme
	 * @return the definition; its {@link #type()} is {@code null} when the scheme has no type or one
	 * that the starter does not support ({@code mutualTLS})
	 */
	public static SecuritySchemeDefinition from(String name, SecurityScheme scheme) {
		SecuritySchemeType type = (scheme.getType() != null) ? switch (scheme.getType()) {
			case HTTP -> SecuritySchemeType.HTTP;
			case APIKEY -> SecuritySchemeType.API_KEY;
			case OAUTH2 -> SecuritySchemeType.OAUTH2;
			case OPENIDCONNECT -> SecuritySchemeType.OPEN_ID_CONNECT;
			case MUTUALTLS -> null;
		} : null;
		ApiKeyLocation in = (scheme.getIn() != null) ? switch (scheme.getIn()) {
			case HEADER -> ApiKeyLocation.HEADER;
			case QUERY -> ApiKeyLocation.QUERY;
			case COOKIE -> ApiKeyLocation.COOKIE;
		} : null;
		Map<OAuthFlowType, OAuthFlow> flows = new EnumMap<>(OAuthFlowType.class);
		OAuthFlows oauthFlows = scheme.getFlows();
		if (oauthFlows != null) {
			putFlow(flows, OAuthFlowType.IMPLICIT, oauthFlows.getImplicit());
			putFlow(flows, OAuthFlowType.PASSWORD, oauthFlows.getPassword());
			putFlow(flows, OAuthFlowType.CLIENT_CREDENTIALS, oauthFlows.getClientCredentials());
			putFlow(flows, OAuthFlowType.AUTHORIZATION_CODE, oauthFlows.getAuthorizationCode());
		}
		String httpScheme = (scheme.getScheme() != null) ? scheme.getScheme().toLowerCase(Locale.ROOT) : null;
		return new SecuritySchemeDefinition(name, type, scheme.getDescription(), httpScheme, scheme.getBearerFormat(),
				scheme.getName(), in, flows, scheme.getOpenIdConnectUrl());
	}

	private static void putFlow(Map<OAuthFlowType, OAuthFlow> flows, OAuthFlowType type,
			io.swagger.v3.oas.models.security.OAuthFlow flow) {
		if (flow != null) {
			Map<String, String> scopes = (flow.getScopes() != null) ? flow.getScopes() : Map.of();
			flows.put(type, new OAuthFlow(flow.getAuthorizationUrl(), flow.getTokenUrl(), flow.getRefreshUrl(), scopes));
		}
	}

	/**
	 * Writes this definition as a new swagger-core scheme with exactly the OpenAPI 3.1 fields that apply
	 * to its type.
	 * @return a new, independent {@link SecurityScheme}
	 */
	public SecurityScheme toOpenApi() {
		SecurityScheme result = new SecurityScheme().description(this.description);
		switch (this.type) {
			case HTTP -> result.type(SecurityScheme.Type.HTTP).scheme(this.scheme)
				.bearerFormat("bearer".equals(this.scheme) ? this.bearerFormat : null);
			case API_KEY -> result.type(SecurityScheme.Type.APIKEY).name(this.keyName).in(switch (this.in) {
				case HEADER -> SecurityScheme.In.HEADER;
				case QUERY -> SecurityScheme.In.QUERY;
				case COOKIE -> SecurityScheme.In.COOKIE;
			});
			case OAUTH2 -> {
				OAuthFlows oauthFlows = new OAuthFlows();
				this.flows.forEach((flowType, flow) -> {
					io.swagger.v3.oas.models.security.OAuthFlow target = new io.swagger.v3.oas.models.security.OAuthFlow()
						.authorizationUrl(flowType.needsAuthorizationUrl() ? flow.authorizationUrl() : null)
						.tokenUrl(flowType.needsTokenUrl() ? flow.tokenUrl() : null)
						.refreshUrl(flow.refreshUrl());
					Scopes scopes = new Scopes();
					scopes.putAll(flow.scopes());
					target.scopes(scopes);
					switch (flowType) {
						case IMPLICIT -> oauthFlows.implicit(target);
						case PASSWORD -> oauthFlows.password(target);
						case CLIENT_CREDENTIALS -> oauthFlows.clientCredentials(target);
						case AUTHORIZATION_CODE -> oauthFlows.authorizationCode(target);
					}
				});
				result.type(SecurityScheme.Type.OAUTH2).flows(oauthFlows);
			}
			case OPEN_ID_CONNECT -> result.type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(this.openIdConnectUrl);
		}
		return result;
	}

}
