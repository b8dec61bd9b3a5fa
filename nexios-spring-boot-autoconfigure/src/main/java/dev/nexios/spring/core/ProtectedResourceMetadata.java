package dev.nexios.spring.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadataClaimNames;
import org.springframework.util.StringUtils;

/**
 * The OAuth 2.0 Protected Resource Metadata (RFC 9728) of the application, derived once from the
 * declaration: the one place that computes its members, so that both stacks serve the same document at
 * {@value #PATH} and name it in the {@code resource_metadata} parameter of their {@code Bearer}
 * challenges (RFC 9728 §5.1).
 * <ul>
 * <li>{@code resource}: the configured resource identifier, else the application's base URL as the
 * request sees it (scheme, host, port and context path, after a proxy's forwarded headers when the
 * application honours them): the URL the metadata was fetched from without {@value #PATH}
 * (RFC 9728 §3.3);</li>
 * <li>{@code authorization_servers}: the issuers of the bearer-token schemes: each scheme's
 * {@code jwt.issuer-uri}, the issuer of Spring Boot's JWT decoder
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) when a scheme verifies with it, the
 * issuer of an {@code openIdConnect} scheme's discovery URL ({@code <issuer>/.well-known/openid-configuration},
 * OpenID Connect Discovery §4), then the configured ones;</li>
 * <li>{@code scopes_supported}: the scopes of the bearer-token schemes as the OpenAPI document shows
 * them: those declared by the {@code oauth2} flows, then those that the default requirements and the
 * operations' requirements name for a bearer-token scheme;</li>
 * <li>{@code bearer_methods_supported}: {@code header}, the only place a bearer token is read from
 * (RFC 6750 §2.1);</li>
 * <li>{@code resource_documentation} (a path is resolved against {@code resource}) and
 * {@code resource_name} when configured.</li>
 * </ul>
 * Members without a value are left out.
 */
public final class ProtectedResourceMetadata {

	/** Where the metadata is served, below the application's context path (RFC 9728 §3). */
	public static final String PATH = "/.well-known/oauth-protected-resource";

	/** The suffix of an OpenID Connect discovery URL (OpenID Connect Discovery 1.0 §4). */
	private static final String OIDC_DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

	private final @Nullable String resource;

	private final List<String> authorizationServers;

	private final List<String> scopes;

	private final @Nullable String resourceDocumentation;

	private final @Nullable String resourceName;

	private ProtectedResourceMetadata(@Nullable String resource, List<String> authorizationServers,
			List<String> scopes, @Nullable String resourceDocumentation, @Nullable String resourceName) {
		this.resource = resource;
		this.authorizationServers = List.copyOf(authorizationServers);
		this.scopes = List.copyOf(scopes);
		this.resourceDocumentation = resourceDocumentation;
		this.resourceName = resourceName;
	}

	/**
	 * Derives the metadata of a declaration.
	 * @param model the security model
	 * @param keyMaterial key material by scheme name
	 * @param defaultIssuerUri the issuer of the application's JWT decoder
	 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), or {@code null}
	 * @param settings what is configured
	 * @return the metadata, or {@code null} when no bearer-token scheme is declared: there is nothing to
	 * describe
	 * @throws IllegalArgumentException when a configured URL is not an absolute URL; the message names
	 * the property
	 */
	public static @Nullable ProtectedResourceMetadata of(NexiosSecurityModel model,
			Map<String, SchemeKeyMaterial> keyMaterial, @Nullable String defaultIssuerUri, Settings settings) {
		List<SecuritySchemeDefinition> bearerSchemes = model.schemes()
			.values()
			.stream()
			.filter((scheme) -> scheme.type() != null && scheme.usesBearerToken())
			.toList();
		if (bearerSchemes.isEmpty()) {
			return null;
		}
		Set<String> issuers = new LinkedHashSet<>();
		for (SecuritySchemeDefinition scheme : bearerSchemes) {
			SchemeKeyMaterial material = keyMaterial.getOrDefault(scheme.name(), SchemeKeyMaterial.NONE);
			SchemeKeyMaterial.Jwt jwt = material.jwt();
			if (StringUtils.hasText(jwt.issuerUri())) {
				issuers.add(jwt.issuerUri());
			}
			else if (usesApplicationVerifier(material) && isAbsoluteUrl(defaultIssuerUri)) {
				issuers.add(defaultIssuerUri);
			}
			if (scheme.type() == SecuritySchemeType.OPEN_ID_CONNECT && isAbsoluteUrl(scheme.openIdConnectUrl())
					&& scheme.openIdConnectUrl().endsWith(OIDC_DISCOVERY_SUFFIX)) {
				String url = scheme.openIdConnectUrl();
				issuers.add(url.substring(0, url.length() - OIDC_DISCOVERY_SUFFIX.length()));
			}
		}
		if (StringUtils.hasText(settings.resourceDocumentation()) && !settings.resourceDocumentation().startsWith("/")) {
			requireAbsoluteUrl(settings.resourceDocumentation(), "resource-documentation");
		}
		for (String configured : settings.authorizationServers()) {
			issuers.add(requireAbsoluteUrl(configured, "authorization-servers"));
		}
		issuers.removeIf((issuer) -> !isAbsoluteUrl(issuer));
		return new ProtectedResourceMetadata(
				StringUtils.hasText(settings.resource()) ? requireAbsoluteUrl(settings.resource(), "resource") : null,
				new ArrayList<>(issuers), scopes(model, bearerSchemes),
				StringUtils.hasText(settings.resourceDocumentation()) ? settings.resourceDocumentation() : null,
				StringUtils.hasText(settings.resourceName()) ? settings.resourceName() : null);
	}

	/**
	 * A scheme without JWT key material and without an introspection endpoint of its own verifies with the
	 * application's decoder (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}).
	 */
	private static boolean usesApplicationVerifier(SchemeKeyMaterial material) {
		return !StringUtils.hasText(material.jwt().jwkSetUri()) && !StringUtils.hasText(material.jwt().publicKeyLocation())
				&& !StringUtils.hasText(material.opaqueToken().introspectionUri());
	}

	/**
	 * The scopes declared by the flows of the bearer-token schemes in declaration order, then those that
	 * requirements name for them, sorted.
	 */
	private static List<String> scopes(NexiosSecurityModel model, List<SecuritySchemeDefinition> bearerSchemes) {
		Set<String> names = new LinkedHashSet<>();
		Set<String> declared = new LinkedHashSet<>();
		bearerSchemes.forEach((scheme) -> {
			names.add(scheme.name());
			declared.addAll(scheme.declaredScopes());
		});
		Set<String> required = new TreeSet<>();
		List<SecurityRequirement> requirements = new ArrayList<>(model.defaultRequirements());
		model.operations().values().stream().map(OperationSecurity::requirements).forEach(requirements::addAll);
		requirements.forEach((requirement) -> requirement.schemes()
			.forEach((scheme, scopes) -> {
				if (names.contains(scheme)) {
					required.addAll(scopes);
				}
			}));
		List<String> result = new ArrayList<>(declared);
		required.stream().filter((scope) -> !declared.contains(scope)).forEach(result::add);
		return result;
	}

	private static boolean isAbsoluteUrl(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& uri.getFragment() == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String requireAbsoluteUrl(String value, String property) {
		if (!isAbsoluteUrl(value)) {
			throw new IllegalArgumentException("nexios.security.resource-metadata." + property + ": '" + value
					+ "' is not an absolute http or https URL");
		}
		return value;
	}

	/**
	 * The metadata for one request.
	 * @param resource the resource identifier derived from the request (the URL the metadata was fetched
	 * from, without {@value #PATH}); the configured one takes its place
	 * @return the metadata
	 */
	public OAuth2ProtectedResourceMetadata build(String resource) {
		OAuth2ProtectedResourceMetadata.Builder builder = OAuth2ProtectedResourceMetadata.builder().resource(resource);
		customize(builder);
		return builder.build();
	}

	/**
	 * Sets the members of a builder, replacing those that Spring Security's
	 * {@code OAuth2ProtectedResourceMetadataFilter} sets: {@code resource} only when one is configured,
	 * {@code bearer_methods_supported} to {@code header}, and no
	 * {@code tls_client_certificate_bound_access_tokens} (RFC 8705 tokens are not checked on every stack
	 * and verifier).
	 * @param builder the builder, with its {@code resource} set
	 */
	public void customize(OAuth2ProtectedResourceMetadata.Builder builder) {
		builder.claims((claims) -> {
			if (this.resource != null) {
				claims.put(OAuth2ProtectedResourceMetadataClaimNames.RESOURCE, this.resource);
			}
			claims.remove(OAuth2ProtectedResourceMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
			claims.remove(OAuth2ProtectedResourceMetadataClaimNames.AUTHORIZATION_SERVERS);
			claims.remove(OAuth2ProtectedResourceMetadataClaimNames.SCOPES_SUPPORTED);
			claims.put(OAuth2ProtectedResourceMetadataClaimNames.BEARER_METHODS_SUPPORTED, List.of("header"));
			if (!this.authorizationServers.isEmpty()) {
				claims.put(OAuth2ProtectedResourceMetadataClaimNames.AUTHORIZATION_SERVERS, this.authorizationServers);
			}
			if (!this.scopes.isEmpty()) {
				claims.put(OAuth2ProtectedResourceMetadataClaimNames.SCOPES_SUPPORTED, this.scopes);
			}
			if (this.resourceName != null) {
				claims.put(OAuth2ProtectedResourceMetadataClaimNames.RESOURCE_NAME, this.resourceName);
			}
			if (this.resourceDocumentation != null) {
				// a path is below the resource identifier, as the request sees it
				claims.put("resource_documentation", this.resourceDocumentation.startsWith("/")
						? trimSlash(String.valueOf(claims.get(OAuth2ProtectedResourceMetadataClaimNames.RESOURCE)))
								+ this.resourceDocumentation
						: this.resourceDocumentation);
			}
		});
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The URL of the metadata for a request to the application.
	 * @param baseUrl the application's base URL as the request sees it: scheme, host, port and context
	 * path, without a trailing slash
	 * @return the absolute URL of the metadata
	 */
	public static String metadataUrl(String baseUrl) {
		return baseUrl + PATH;
	}

	/**
	 * Adds the {@code resource_metadata} parameter (RFC 9728 §5.1) to the {@code Bearer} challenges of a
	 * {@code 401} answer; other challenges are kept as they are.
	 * @param challenges the challenges
	 * @param metadataUrl the absolute URL of the metadata
	 * @return the challenges
	 */
	public static List<String> withResourceMetadata(Collection<String> challenges, String metadataUrl) {
		List<String> result = new ArrayList<>(challenges.size());
		String parameter = "resource_metadata=" + SchemeAuthenticator.quoted(metadataUrl);
		for (String challenge : challenges) {
			if (challenge.equalsIgnoreCase("Bearer")) {
				result.add(challenge + " " + parameter);
			}
			else if (challenge.regionMatches(true, 0, "Bearer ", 0, 7) && !challenge.contains("resource_metadata=")) {
				result.add(challenge + ", " + parameter);
			}
			else {
				result.add(challenge);
			}
		}
		return result;
	}

	/**
	 * Whether a challenge list has a {@code Bearer} challenge.
	 * @param challenges the challenges
	 * @return {@code true} when one of them is a {@code Bearer} challenge
	 */
	public static boolean hasBearerChallenge(Collection<String> challenges) {
		for (String challenge : challenges) {
			if (challenge.regionMatches(true, 0, "Bearer", 0, 6)
					&& (challenge.length() == 6 || challenge.charAt(6) == ' ')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The URL of the metadata that the challenges of a request name: below the configured resource
	 * identifier ({@code nexios.security.resource-metadata.resource}) when one is set, so that it is the
	 * metadata whose {@code resource} the client then checks (RFC 9728 §3.3), whatever {@code Host} the
	 * request sent; else below the base URL that the request sees.
	 * @param requestBaseUrl the application's base URL as the request sees it, without a trailing slash
	 * @return the absolute URL of the metadata
	 */
	public String metadataUrlFor(Supplier<String> requestBaseUrl) {
		return metadataUrl((this.resource != null) ? trimSlash(this.resource) : requestBaseUrl.get());
	}

	/**
	 * @return the configured resource identifier, or {@code null} for the one each request sees
	 */
	public @Nullable String resource() {
		return this.resource;
	}

	/**
	 * @return the issuers listed in {@code authorization_servers}
	 */
	public List<String> authorizationServers() {
		return this.authorizationServers;
	}

	/**
	 * @return the scopes listed in {@code scopes_supported}
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/**
	 * What is configured under {@code nexios.security.resource-metadata}.
	 *
	 * @param resource the resource identifier, or {@code null} for the base URL each request sees
	 * @param authorizationServers issuers listed besides those of the schemes
	 * @param resourceDocumentation the URL of the resource's documentation, or a path below the resource
	 * identifier, e.g. {@code /swagger-ui.html}; {@code null} for none
	 * @param resourceName a human-readable name of the resource, or {@code null}
	 */
	public record Settings(@Nullable String resource, List<String> authorizationServers,
			@Nullable String resourceDocumentation, @Nullable String resourceName) {

		/** Nothing configured. */
		public static final Settings NONE = new Settings(null, List.of(), null, null);

		/**
		 * Copies the issuers.
		 */
		public Settings {
			authorizationServers = (authorizationServers != null) ? List.copyOf(authorizationServers) : List.of();
		}

	}

}
