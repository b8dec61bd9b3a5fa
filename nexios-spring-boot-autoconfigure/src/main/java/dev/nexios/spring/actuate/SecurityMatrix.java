package dev.nexios.spring.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The security matrix of an application: every operation with its effective security requirements and
 * where they were declared, every security scheme with how its credentials are verified, and what
 * applies beside the operations (the default requirements, the documentation, actuator endpoints).
 * Derived once at startup from the resolved model, which is immutable; it never carries a secret (no
 * key, digest, password or client secret), only counts and public settings.
 *
 * <p>A requirement list is the OpenAPI shape (Security Requirement Objects): the alternatives, each a
 * map of scheme name to required scopes; {@code {}} is the anonymous alternative. Fields that do
 * not apply are left out of the JSON: {@code null} ones of an operation, {@code null} and empty ones
 * of a scheme and its verification.
 *
 * @param publicByDefault whether operations without a declaration are public
 * ({@code nexios.security.public-by-default})
 * @param defaultRequirements the alternatives of operations that declare none; empty when public by
 * default
 * @param docsRequirements the alternatives of the documentation ({@code nexios.security.docs.requirements});
 * empty: the documentation is public
 * @param actuator the security of actuator endpoints
 * @param schemes the declared security schemes by name, in declaration order
 * @param operations every operation of the application, ordered by path pattern, then HTTP method, then
 * handler
 */
public record SecurityMatrix(boolean publicByDefault, List<Map<String, List<String>>> defaultRequirements,
		List<Map<String, List<String>>> docsRequirements, Actuator actuator, Map<String, Scheme> schemes,
		List<Operation> operations) {

	/** {@link Operation#access()} of an operation without any requirement. */
	public static final String PUBLIC = "public";

	/** {@link Operation#access()} of an operation that accepts anonymous requests besides credentials. */
	public static final String OPTIONAL = "optional";

	/** {@link Operation#access()} of an operation that needs credentials. */
	public static final String SECURED = "secured";

	public SecurityMatrix {
		defaultRequirements = copyOf(defaultRequirements);
		docsRequirements = copyOf(docsRequirements);
		schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
		operations = List.copyOf(operations);
	}

	static List<Map<String, List<String>>> copyOf(List<Map<String, List<String>>> requirements) {
		return requirements.stream().map((requirement) -> {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			requirement.forEach((scheme, scopes) -> copy.put(scheme, List.copyOf(scopes)));
			return Collections.unmodifiableMap(copy);
		}).toList();
	}

	/**
	 * One operation: a handler method with the HTTP methods and path patterns of one of its mappings.
	 *
	 * @param methods the HTTP methods, as the OpenAPI document lists them (every method but
	 * {@code TRACE} when the mapping names none)
	 * @param patterns the path patterns of the mapping, e.g. {@code /orders/{id}}
	 * @param handler the handler method, {@code Controller#method}
	 * @param access {@value #PUBLIC}, {@value #OPTIONAL} or {@value #SECURED}
	 * @param requirements the effective alternatives; empty when public
	 * @param source where the requirements come from: {@code method-annotation},
	 * {@code method-meta-annotation}, {@code class-annotation}, {@code class-meta-annotation},
	 * {@code default-requirements} or {@code public-by-default}
	 * @param annotation the annotation that declares them as written, e.g. {@code @NexiosSecured} or a
	 * composed {@code @AdminOnly}; {@code null} for the last two sources
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Operation(List<String> methods, List<String> patterns, String handler, String access,
			List<Map<String, List<String>>> requirements, String source, @Nullable String annotation) {

		public Operation {
			methods = List.copyOf(methods);
			patterns = List.copyOf(patterns);
			requirements = copyOf(requirements);
		}

	}

	/**
	 * A declared security scheme: the OpenAPI fields that say which credential it takes, and how that
	 * credential is verified.
	 *
	 * @param type {@code http}, {@code apiKey}, {@code oauth2} or {@code openIdConnect}
	 * @param scheme for {@code http}: {@code bearer} or {@code basic}; otherwise {@code null}
	 * @param bearerFormat for {@code http bearer}: e.g. {@code JWT}; otherwise {@code null}
	 * @param in for {@code apiKey}: {@code header}, {@code query} or {@code cookie}; otherwise {@code null}
	 * @param name for {@code apiKey}: the header, query parameter or cookie name; otherwise {@code null}
	 * @param flows for {@code oauth2}: the declared flows, e.g. {@code password}; otherwise empty
	 * @param scopes for {@code oauth2}: the scopes its flows declare; otherwise empty
	 * @param openIdConnectUrl for {@code openIdConnect}: the discovery URL; otherwise {@code null}
	 * @param verification how credentials of this scheme are verified
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Scheme(String type, @Nullable String scheme, @Nullable String bearerFormat, @Nullable String in,
			@Nullable String name, List<String> flows, List<String> scopes, @Nullable String openIdConnectUrl,
			Verification verification) {

		public Scheme {
			flows = List.copyOf(flows);
			scopes = List.copyOf(scopes);
		}

	}

	/**
	 * How the credentials of a scheme are verified. Only public settings: never a key, a digest, a
	 * password or a client secret; the user information and the query of a URL (where a password or a
	 * token could be written, e.g. {@code https://user:password@idp.example/jwks?access_token=...}) are
	 * masked as {@code ******}.
	 *
	 * @param method {@code jwt} (the scheme's own {@code jwt.*} settings), {@code introspection} (its own
	 * {@code opaque-token.*}), {@code application-jwt-decoder}, {@code application-introspector},
	 * {@code user-details-service}, {@code api-keys}, or {@code none} (every credential is refused)
	 * @param source the properties it is configured with, e.g. {@code nexios.security.schemes.partner.jwt}
	 * or {@code spring.security.oauth2.resourceserver.jwt}; {@code null} when none apply
	 * @param issuer the required {@code iss}, or {@code null}
	 * @param jwkSetUri the JWK Set the signatures are checked against, or {@code null}
	 * @param publicKeyLocation the location of the public key the signatures are checked against, or
	 * {@code null}
	 * @param audiences the accepted audiences; empty: no audience check configured
	 * @param algorithms the accepted JWS algorithms; empty: the default ({@code RS256})
	 * @param introspectionUri the introspection endpoint (RFC 7662), or {@code null}
	 * @param configuredKeys for {@code api-keys}: how many keys are configured under {@code keys};
	 * otherwise {@code null}
	 * @param store for {@code api-keys}: {@code jdbc} when keys are also kept in the database; otherwise
	 * {@code null}
	 * @param apiKeyAuthenticators for {@code api-keys}: how many {@code ApiKeyAuthenticator} beans are asked
	 * besides the configured keys (the database store is one); otherwise {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Verification(String method, @Nullable String source, @Nullable String issuer,
			@Nullable String jwkSetUri, @Nullable String publicKeyLocation, List<String> audiences,
			List<String> algorithms, @Nullable String introspectionUri, @Nullable Integer configuredKeys,
			@Nullable String store, @Nullable Integer apiKeyAuthenticators) {

		private static final String MASK = "******";

		public Verification {
			issuer = masked(issuer);
			jwkSetUri = masked(jwkSetUri);
			publicKeyLocation = masked(publicKeyLocation);
			introspectionUri = masked(introspectionUri);
			audiences = List.copyOf(audiences);
			algorithms = List.copyOf(algorithms);
		}

		/**
		 * A URL with its user information and query masked; a value that is no URI is masked whole.
		 */
		private static @Nullable String masked(@Nullable String url) {
			if (url == null) {
				return null;
			}
			try {
				URI uri = new URI(url);
				if (uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
					return url;
				}
				return new URI(uri.getScheme(), (uri.getRawUserInfo() != null) ? MASK : null, uri.getHost(),
						uri.getPort(), uri.getPath(), (uri.getRawQuery() != null) ? MASK : null, null).toString();
			}
			catch (URISyntaxException ex) {
				return MASK;
			}
		}

	}

	/**
	 * The security of actuator endpoints.
	 *
	 * @param requirements the alternatives of every endpoint that is not public
	 * ({@code nexios.security.actuator.requirements}, else the default requirements)
	 * @param publicEndpoints the IDs of the endpoints open to anonymous requests, sorted
	 */
	public record Actuator(List<Map<String, List<String>>> requirements, List<String> publicEndpoints) {

		public Actuator {
			requirements = copyOf(requirements);
			publicEndpoints = List.copyOf(publicEndpoints);
		}

	}

}
