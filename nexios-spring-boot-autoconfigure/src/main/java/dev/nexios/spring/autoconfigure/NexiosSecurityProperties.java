package dev.nexios.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.ApiKeyLocation;
import dev.nexios.spring.model.SecuritySchemeType;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.jspecify.annotations.Nullable;

/**
 * Configuration properties of the Nexios starter, under {@code nexios.security}: the declared security
 * schemes, the default security requirements, and the protection of the documentation endpoints.
 *
 * <p>Scheme names are the keys of {@code nexios.security.schemes} and keep their exact spelling
 * ({@code bearerAuth}, {@code apiKeyAuth}); see the README for setting them through environment
 * variables.
 */
@ConfigurationProperties("nexios.security")
public class NexiosSecurityProperties {

	/** The scheme that exists unless redefined or disabled: HTTP bearer with {@code bearerFormat: JWT}. */
	public static final String DEFAULT_BEARER_SCHEME = "bearerAuth";

	/**
	 * Whether the starter is active: when false it contributes neither the OpenAPI security nor the
	 * enforcement.
	 */
	private boolean enabled = true;

	/**
	 * Security schemes by name (the key under OpenAPI's components.securitySchemes). A scheme
	 * "bearerAuth" (HTTP bearer, bearerFormat JWT) exists by default unless redefined here or disabled
	 * with nexios.security.schemes.bearerAuth.enabled=false.
	 */
	private Map<String, Scheme> schemes = new LinkedHashMap<>();

	/**
	 * Security requirements of operations that declare none, as alternatives (OR), each a map of scheme
	 * name to required scopes (AND). Documented as the root-level "security" of the OpenAPI document.
	 * Also what actuator endpoints (but health) and requests that reach no declared operation require.
	 * Not set: "bearerAuth" when that scheme is declared, else the application does not start. An empty
	 * map "{}" among the alternatives makes authentication optional for undeclared operations.
	 */
	private List<Map<String, List<String>>> defaultRequirements = new ArrayList<>();

	/**
	 * Whether operations without @NexiosSecured or @NexiosPublic are public instead of requiring the
	 * default requirements. Each public operation is then listed in a warning at startup. Actuator
	 * endpoints and requests that reach no declared operation still require the default requirements.
	 */
	private boolean publicByDefault = false;

	/**
	 * Security of actuator endpoints, on the application's port and on management.server.port.
	 */
	private final Actuator actuator = new Actuator();

	/**
	 * Protection against cross-site requests that carry credentials a browser sends on its own.
	 */
	private final Csrf csrf = new Csrf();

	/**
	 * Protection of springdoc's own endpoints (the OpenAPI document and Swagger UI).
	 */
	private final Docs docs = new Docs();

	/**
	 * How the OpenAPI document is derived from the declaration.
	 */
	private final OpenApi openapi = new OpenApi();

	/**
	 * The store of the apiKey schemes whose keys live in a database (store: jdbc): its cache and the
	 * recording of last use.
	 */
	private final ApiKeyStore apiKeyStore = new ApiKeyStore();

	/**
	 * The OAuth 2.0 Protected Resource Metadata (RFC 9728) served at
	 * /.well-known/oauth-protected-resource when a bearer-token scheme is declared.
	 */
	private final ResourceMetadata resourceMetadata = new ResourceMetadata();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Scheme> getSchemes() {
		return this.schemes;
	}

	public void setSchemes(Map<String, Scheme> schemes) {
		this.schemes = schemes;
	}

	public List<Map<String, List<String>>> getDefaultRequirements() {
		return this.defaultRequirements;
	}

	public void setDefaultRequirements(List<Map<String, List<String>>> defaultRequirements) {
		this.defaultRequirements = defaultRequirements;
	}

	public boolean isPublicByDefault() {
		return this.publicByDefault;
	}

	public void setPublicByDefault(boolean publicByDefault) {
		this.publicByDefault = publicByDefault;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	public Csrf getCsrf() {
		return this.csrf;
	}

	public Docs getDocs() {
		return this.docs;
	}

	public OpenApi getOpenapi() {
		return this.openapi;
	}

	public ApiKeyStore getApiKeyStore() {
		return this.apiKeyStore;
	}

	public ResourceMetadata getResourceMetadata() {
		return this.resourceMetadata;
	}

	/**
	 * The OAuth 2.0 Protected Resource Metadata (RFC 9728): served, public, at
	 * /.well-known/oauth-protected-resource below the context path when a bearer-token scheme (http
	 * bearer, oauth2, openIdConnect) is declared, and named in the resource_metadata parameter of the
	 * Bearer challenges of 401 answers.
	 */
	public static class ResourceMetadata {

		/**
		 * Whether the metadata is served and named in challenges.
		 */
		private boolean enabled = true;

		/**
		 * The resource identifier (an absolute https URL). Not set: the application's base URL as each
		 * request sees it (scheme, host, port and context path), which is what RFC 9728 §3.3 asks when the
		 * metadata is fetched from that base URL.
		 */
		private @Nullable String resource;

		/**
		 * Issuer identifiers of authorization servers listed besides those derived from the schemes
		 * (jwt.issuer-uri, spring.security.oauth2.resourceserver.jwt.issuer-uri, an openIdConnect
		 * discovery URL), e.g. for schemes that introspect tokens.
		 */
		private List<String> authorizationServers = new ArrayList<>();

		/**
		 * URL of human-readable documentation of the resource (resource_documentation), or a path below
		 * the resource identifier, e.g. /swagger-ui.html.
		 */
		private @Nullable String resourceDocumentation;

		/**
		 * Human-readable name of the resource (resource_name).
		 */
		private @Nullable String resourceName;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getResource() {
			return this.resource;
		}

		public void setResource(@Nullable String resource) {
			this.resource = resource;
		}

		public List<String> getAuthorizationServers() {
			return this.authorizationServers;
		}

		public void setAuthorizationServers(List<String> authorizationServers) {
			this.authorizationServers = authorizationServers;
		}

		public @Nullable String getResourceDocumentation() {
			return this.resourceDocumentation;
		}

		public void setResourceDocumentation(@Nullable String resourceDocumentation) {
			this.resourceDocumentation = resourceDocumentation;
		}

		public @Nullable String getResourceName() {
			return this.resourceName;
		}

		public void setResourceName(@Nullable String resourceName) {
			this.resourceName = resourceName;
		}

	}

	/**
	 * One security scheme: the OpenAPI 3.1 Security Scheme Object fields, and where its credentials
	 * are checked.
	 */
	public static class Scheme {

		/**
		 * Whether this scheme is declared. Set to false to remove a scheme, e.g. the default
		 * "bearerAuth".
		 */
		private boolean enabled = true;

		/**
		 * Scheme type: http, apiKey, oauth2 or openIdConnect.
		 */
		private @Nullable SecuritySchemeType type;

		/**
		 * Description shown in the documentation and in Swagger UI's Authorize dialog.
		 */
		private @Nullable String description;

		/**
		 * For type http: the HTTP authentication scheme, "bearer" (RFC 6750) or "basic" (RFC 7617).
		 */
		private @Nullable String scheme;

		/**
		 * For type http with scheme bearer: a hint of the token format, e.g. "JWT".
		 */
		private @Nullable String bearerFormat;

		/**
		 * For type apiKey: the name of the header, query parameter or cookie that carries the key.
		 */
		private @Nullable String name;

		/**
		 * For type apiKey: where the key is sent: header, query or cookie.
		 */
		private @Nullable ApiKeyLocation in;

		/**
		 * For type oauth2: the supported flows.
		 */
		private final Flows flows = new Flows();

		/**
		 * For type openIdConnect: the OpenID Connect Discovery URL.
		 */
		private @Nullable String openIdConnectUrl;

		/**
		 * For bearer-token schemes (http bearer, oauth2, openIdConnect): JWT validation specific to this
		 * scheme. When no key source is set, the application's JwtDecoder (spring.security.oauth2.
		 * resourceserver.jwt.*) is used.
		 */
		private final Jwt jwt = new Jwt();

		/**
		 * For bearer-token schemes: opaque-token introspection (RFC 7662) specific to this scheme.
		 */
		private final OpaqueToken opaqueToken = new OpaqueToken();

		/**
		 * For type apiKey: the accepted keys, each mapped to a principal and the scopes it grants.
		 */
		private List<ApiKey> keys = new ArrayList<>();

		/**
		 * For type apiKey: where keys are kept besides those of "keys". "jdbc": in the table
		 * nexios_api_keys of the application's DataSource, issued with the ApiKeyIssuer bean. Unset: only
		 * "keys" and ApiKeyAuthenticator beans. With "jdbc" and no DataSource the application does not start.
		 */
		private Store store;

		/**
		 * For type apiKey with a store: the prefix of the keys issued for this scheme, 1 to 32 characters of
		 * A-Z, a-z, 0-9, '_' and '-', e.g. "nx_live_". Unset: "nx_" followed by the scheme name in lower
		 * case, letters and digits only, and "_". A key without it is refused before any lookup.
		 */
		private String keyPrefix;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable SecuritySchemeType getType() {
			return this.type;
		}

		public void setType(@Nullable SecuritySchemeType type) {
			this.type = type;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public @Nullable String getScheme() {
			return this.scheme;
		}

		public void setScheme(@Nullable String scheme) {
			this.scheme = scheme;
		}

		public @Nullable String getBearerFormat() {
			return this.bearerFormat;
		}

		public void setBearerFormat(@Nullable String bearerFormat) {
			this.bearerFormat = bearerFormat;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable ApiKeyLocation getIn() {
			return this.in;
		}

		public void setIn(@Nullable ApiKeyLocation in) {
			this.in = in;
		}

		public Flows getFlows() {
			return this.flows;
		}

		public @Nullable String getOpenIdConnectUrl() {
			return this.openIdConnectUrl;
		}

		public void setOpenIdConnectUrl(@Nullable String openIdConnectUrl) {
			this.openIdConnectUrl = openIdConnectUrl;
		}

		public Jwt getJwt() {
			return this.jwt;
		}

		public OpaqueToken getOpaqueToken() {
			return this.opaqueToken;
		}

		public List<ApiKey> getKeys() {
			return this.keys;
		}

		public void setKeys(List<ApiKey> keys) {
			this.keys = keys;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * The OAuth 2.0 flows of an oauth2 scheme (OpenAPI 3.1 OAuth Flows Object).
	 */
	public static class Flows {

		/**
		 * Implicit flow; needs authorization-url.
		 */
		private Flow implicit;

		/**
		 * Resource owner password flow (RFC 6749 §4.3); needs token-url.
		 */
		private Flow password;

		/**
		 * Client credentials flow (RFC 6749 §4.4); needs token-url.
		 */
		private Flow clientCredentials;

		/**
		 * Authorization code flow (RFC 6749 §4.1); needs authorization-url and token-url.
		 */
		private Flow authorizationCode;

		public Flow getImplicit() {
			return this.implicit;
		}

		public void setImplicit(Flow implicit) {
			this.implicit = implicit;
		}

		public Flow getPassword() {
			return this.password;
		}

		public void setPassword(Flow password) {
			this.password = password;
		}

		public Flow getClientCredentials() {
			return this.clientCredentials;
		}

		public void setClientCredentials(Flow clientCredentials) {
			this.clientCredentials = clientCredentials;
		}

		public Flow getAuthorizationCode() {
			return this.authorizationCode;
		}

		public void setAuthorizationCode(Flow authorizationCode) {
			this.authorizationCode = authorizationCode;
		}

	}

	/**
	 * One OAuth 2.0 flow (OpenAPI 3.1 OAuth Flow Object).
	 */
	public static class Flow {

		/**
		 * Authorization endpoint URL, absolute or relative to the server; for implicit and
		 * authorization-code.
		 */
		private @Nullable String authorizationUrl;

		/**
		 * Token endpoint URL, absolute or relative to the server; for password, client-credentials and
		 * authorization-code.
		 */
		private @Nullable String tokenUrl;

		/**
		 * URL for obtaining refresh tokens.
		 */
		private @Nullable String refreshUrl;

		/**
		 * Available scopes: scope name to a short description.
		 */
		private Map<String, String> scopes = new LinkedHashMap<>();

		public @Nullable String getAuthorizationUrl() {
			return this.authorizationUrl;
		}

		public void setAuthorizationUrl(@Nullable String authorizationUrl) {
			this.authorizationUrl = authorizationUrl;
		}

		public @Nullable String getTokenUrl() {
			return this.tokenUrl;
		}

		public void setTokenUrl(@Nullable String tokenUrl) {
			this.tokenUrl = tokenUrl;
		}

		public @Nullable String getRefreshUrl() {
			return this.refreshUrl;
		}

		public void setRefreshUrl(@Nullable String refreshUrl) {
			this.refreshUrl = refreshUrl;
		}

		public Map<String, String> getScopes() {
			return this.scopes;
		}

		public void setScopes(Map<String, String> scopes) {
			this.scopes = scopes;
		}

	}

	/**
	 * JWT validation of one bearer-token scheme, the per-scheme counterpart of
	 * spring.security.oauth2.resourceserver.jwt.*.
	 */
	public static class Jwt {

		/**
		 * Issuer URI: an OpenID Connect Discovery or RFC 8414 issuer; tokens must carry it as "iss".
		 */
		private @Nullable String issuerUri;

		/**
		 * JSON Web Key Set URI used to verify signatures.
		 */
		private @Nullable String jwkSetUri;

		/**
		 * Location of a PEM file with the RSA public key used to verify signatures.
		 */
		private @Nullable String publicKeyLocation;

		/**
		 * Accepted audiences: a token must name one of them in "aud". Empty: no audience check. Needs this
		 * scheme's own key material (issuer-uri, jwk-set-uri or public-key-location).
		 */
		private List<String> audiences = new ArrayList<>();

		/**
		 * Accepted JWS algorithms (RFC 7518 §3.1), e.g. RS256, RS512, PS256, ES256. Empty: RS256. With
		 * public-key-location (an RSA key) only RS256, RS384, RS512, PS256, PS384 and PS512. Needs this
		 * scheme's own key material.
		 */
		private List<String> jwsAlgorithms = new ArrayList<>();

		/**
		 * Accepted values of the JOSE header "typ" (RFC 7515 §4.1.9), compared case-insensitively, with or
		 * without the "application/" prefix. Empty: JWT and at+jwt (RFC 9068 §2.1). Needs this scheme's
		 * own key material.
		 */
		private List<String> tokenTypes = new ArrayList<>();

		/**
		 * Whether a token without a "typ" header is refused. Unset: false, a token without "typ" is
		 * accepted. Needs this scheme's own key material.
		 */
		private @Nullable Boolean requireTokenType;

		/**
		 * Whether a token without an "exp" claim is refused (RFC 9068 §2.2). Unset: true. Applies also
		 * when the scheme uses the application's JwtDecoder.
		 */
		private @Nullable Boolean requireExpirationTime;

		public @Nullable String getIssuerUri() {
			return this.issuerUri;
		}

		public void setIssuerUri(@Nullable String issuerUri) {
			this.issuerUri = issuerUri;
		}

		public @Nullable String getJwkSetUri() {
			return this.jwkSetUri;
		}

		public void setJwkSetUri(@Nullable String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public @Nullable String getPublicKeyLocation() {
			return this.publicKeyLocation;
		}

		public void setPublicKeyLocation(@Nullable String publicKeyLocation) {
			this.publicKeyLocation = publicKeyLocation;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public List<String> getJwsAlgorithms() {
			return this.jwsAlgorithms;
		}

		public void setJwsAlgorithms(List<String> jwsAlgorithms) {
			this.jwsAlgorithms = jwsAlgorithms;
		}

		public List<String> getTokenTypes() {
			return this.tokenTypes;
		}

		public void setTokenTypes(List<String> tokenTypes) {
			this.tokenTypes = tokenTypes;
		}

		public @Nullable Boolean getRequireTokenType() {
			return this.requireTokenType;
		}

		public void setRequireTokenType(@Nullable Boolean requireTokenType) {
			this.requireTokenType = requireTokenType;
		}

		public @Nullable Boolean getRequireExpirationTime() {
			return this.requireExpirationTime;
		}

		public void setRequireExpirationTime(@Nullable Boolean requireExpirationTime) {
			this.requireExpirationTime = requireExpirationTime;
		}

	}

	/**
	 * Opaque-token introspection (RFC 7662) of one bearer-token scheme.
	 */
	public static class OpaqueToken {

		/**
		 * Introspection endpoint URI. When set, tokens of this scheme are introspected instead of
		 * decoded as JWTs.
		 */
		private @Nullable String introspectionUri;

		/**
		 * Client id used to authenticate with the introspection endpoint.
		 */
		private @Nullable String clientId;

		/**
		 * Client secret used to authenticate with the introspection endpoint.
		 */
		private @Nullable String clientSecret;

		public @Nullable String getIntrospectionUri() {
			return this.introspectionUri;
		}

		public void setIntrospectionUri(@Nullable String introspectionUri) {
			this.introspectionUri = introspectionUri;
		}

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

	}

	/**
	 * One accepted API key. Give its SHA-256 digest in configuration; the plain key is accepted only
	 * from an environment variable or a secret file.
	 */
	public static class ApiKey {

		/**
		 * Name of the principal that the key authenticates.
		 */
		private @Nullable String principal;

		/**
		 * SHA-256 digest of the key, hex (64 characters) or Base64.
		 */
		private @Nullable String sha256;

		/**
		 * Name of an environment variable that holds the plain key, as an alternative to sha256.
		 */
		private @Nullable String valueFromEnv;

		/**
		 * Path of a file (e.g. a mounted secret) that holds the plain key, as an alternative to sha256.
		 * Surrounding whitespace is ignored.
		 */
		private @Nullable String valueFromFile;

		/**
		 * Scopes that the key grants.
		 */
		private List<String> scopes = new ArrayList<>();

		public @Nullable String getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(@Nullable String principal) {
			this.principal = principal;
		}

		public @Nullable String getSha256() {
			return this.sha256;
		}

		public void setSha256(String sha256) {
			this.sha256 = sha256;
		}

		public @Nullable String getValueFromEnv() {
			return this.valueFromEnv;
		}

		public void setValueFromEnv(@Nullable String valueFromEnv) {
			this.valueFromEnv = valueFromEnv;
		}

		public @Nullable String getValueFromFile() {
			return this.valueFromFile;
		}

		public void setValueFromFile(@Nullable String valueFromFile) {
			this.valueFromFile = valueFromFile;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

	/**
	 * Security of actuator endpoints: Spring Boot's own rule by default (health public, every other
	 * endpoint authenticated).
	 */
	public static class Actuator {

		/**
		 * Security requirements of actuator endpoints that are not public, in the form of
		 * default-requirements. Empty (the default): the default requirements.
		 */
		private List<Map<String, List<String>>> requirements = new ArrayList<>();

		/**
		 * IDs of actuator endpoints open to anonymous requests, e.g. health, info. Empty: none.
		 */
		private Set<String> publicEndpoints = new LinkedHashSet<>(Set.of("health"));

		public List<Map<String, List<String>>> getRequirements() {
			return this.requirements;
		}

		public void setRequirements(List<Map<String, List<String>>> requirements) {
			this.requirements = requirements;
		}

		public Set<String> getPublicEndpoints() {
			return this.publicEndpoints;
		}

		public void setPublicEndpoints(Set<String> publicEndpoints) {
			this.publicEndpoints = publicEndpoints;
		}

	}

	/**
	 * Cross-site request protection for credentials that a browser sends on its own (HTTP Basic, an
	 * API key in a cookie): a request with an unsafe method (not GET, HEAD, OPTIONS or TRACE) that a
	 * browser marks as cross-site (Sec-Fetch-Site) or whose Origin is not the request's own gets 403
	 * when it is accepted only through such a credential.
	 */
	public static class Csrf {

		/**
		 * Whether cross-site requests with browser-sent credentials are refused.
		 */
		private boolean enabled = true;

		/**
		 * Origins allowed to send such requests, e.g. https://admin.example.com (scheme, host and port,
		 * as browsers send them in the Origin header).
		 */
		private Set<String> trustedOrigins = new LinkedHashSet<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getTrustedOrigins() {
			return this.trustedOrigins;
		}

		public void setTrustedOrigins(Set<String> trustedOrigins) {
			this.trustedOrigins = trustedOrigins;
		}

	}

	/**
	 * Protection of springdoc's endpoints (/v3/api-docs/**, /swagger-ui/**).
	 */
	public static class Docs {

		/**
		 * Security requirements of the documentation endpoints, in the form of default-requirements.
		 * Empty (the default): the documentation is public.
		 */
		private List<Map<String, List<String>>> requirements = new ArrayList<>();

		public List<Map<String, List<String>>> getRequirements() {
			return this.requirements;
		}

		public void setRequirements(List<Map<String, List<String>>> requirements) {
			this.requirements = requirements;
		}

	}

	/**
	 * Derivation of the OpenAPI document.
	 */
	public static class OpenApi {

		/**
		 * Whether secured operations document a 401 response (and 403 where scopes are required),
		 * unless the application documented those itself.
		 */
		private boolean errorResponses = true;

		public boolean isErrorResponses() {
			return this.errorResponses;
		}

		public void setErrorResponses(boolean errorResponses) {
			this.errorResponses = errorResponses;
		}

	}

	/**
	 * Where the keys of an apiKey scheme are kept besides its configured keys.
	 */
	public enum Store {

		/** The table nexios_api_keys of the application's DataSource. */
		JDBC

	}

	/**
	 * The database API key store: how long answers are cached and how often the last use is written.
	 */
	public static class ApiKeyStore {

		/**
		 * How long a key found in the database is cached: the longest delay before a revocation made on
		 * another instance (or in the database directly) takes effect; on the instance that revokes it is
		 * immediate. Expiry is checked on every request. 0 disables the cache (one query per request).
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * How long the absence of a well-formed key is cached, which spares the database repeated
		 * lookups of an unknown key. A newly issued key is never affected: it is random, so nobody can
		 * have sent it before. 0 disables it.
		 */
		private Duration negativeCacheTtl = Duration.ofSeconds(5);

		/**
		 * Maximum number of keys (and absences) cached.
		 */
		private long cacheMaximumSize = 10_000;

		/**
		 * At most one write of last_used_at per key and instance in this interval; the writes are batched
		 * by a background thread that runs at this period, never in the request.
		 */
		private Duration lastUsedInterval = Duration.ofMinutes(1);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getNegativeCacheTtl() {
			return this.negativeCacheTtl;
		}

		public void setNegativeCacheTtl(Duration negativeCacheTtl) {
			this.negativeCacheTtl = negativeCacheTtl;
		}

		public long getCacheMaximumSize() {
			return this.cacheMaximumSize;
		}

		public void setCacheMaximumSize(long cacheMaximumSize) {
			this.cacheMaximumSize = cacheMaximumSize;
		}

		public Duration getLastUsedInterval() {
			return this.lastUsedInterval;
		}

		public void setLastUsedInterval(Duration lastUsedInterval) {
			this.lastUsedInterval = lastUsedInterval;
		}

	}

}
