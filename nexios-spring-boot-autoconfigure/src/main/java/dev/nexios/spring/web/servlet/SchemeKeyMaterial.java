package dev.nexios.spring.web.servlet;

import java.util.List;

/**
 * Where the credentials of one security scheme are verified: the enforcement part of
 * {@code nexios.security.schemes.<name>}. Unset fields are {@code null} (or empty).
 *
 * @param jwt JWT validation of a bearer-token scheme
 * @param opaqueToken opaque-token introspection (RFC 7662) of a bearer-token scheme
 * @param keys the accepted keys of an {@code apiKey} scheme
 */
public record SchemeKeyMaterial(Jwt jwt, OpaqueToken opaqueToken, List<ApiKey> keys) {

	/** No key material: the application's beans are used. */
	public static final SchemeKeyMaterial NONE = new SchemeKeyMaterial(null, null, List.of());

	public SchemeKeyMaterial {
		jwt = (jwt != null) ? jwt : new Jwt(null, null, null, List.of(), List.of());
		opaqueToken = (opaqueToken != null) ? opaqueToken : new OpaqueToken(null, null, null);
		keys = (keys != null) ? List.copyOf(keys) : List.of();
	}

	/**
	 * JWT validation of one scheme.
	 *
	 * @param issuerUri the issuer that tokens must name in {@code iss}; also the discovery location when
	 * no other key source is set
	 * @param jwkSetUri the JSON Web Key Set URI
	 * @param publicKeyLocation a resource location of a PEM RSA public key
	 * @param audiences accepted {@code aud} values; empty for no audience check
	 * @param jwsAlgorithms accepted JWS algorithms (RFC 7518 §3.1); empty for {@code RS256}
	 */
	public record Jwt(String issuerUri, String jwkSetUri, String publicKeyLocation, List<String> audiences,
			List<String> jwsAlgorithms) {

		public Jwt {
			audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
			jwsAlgorithms = (jwsAlgorithms != null) ? List.copyOf(jwsAlgorithms) : List.of();
		}

	}

	/**
	 * Opaque-token introspection of one scheme.
	 *
	 * @param introspectionUri the introspection endpoint
	 * @param clientId the client id for the endpoint
	 * @param clientSecret the client secret for the endpoint
	 */
	public record OpaqueToken(String introspectionUri, String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "OpaqueToken[introspectionUri=" + this.introspectionUri + ", clientId=" + this.clientId + "]";
		}

	}

	/**
	 * One accepted API key: exactly one of {@code sha256}, {@code valueFromEnv}, {@code valueFromFile}.
	 *
	 * @param principal the principal name the key authenticates
	 * @param sha256 the SHA-256 digest of the key, hexadecimal or Base64
	 * @param valueFromEnv the name of an environment variable holding the plain key
	 * @param valueFromFile the path (or resource location) of a file holding the plain key
	 * @param scopes the scopes the key grants
	 */
	public record ApiKey(String principal, String sha256, String valueFromEnv, String valueFromFile,
			List<String> scopes) {

		public ApiKey {
			scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		}

	}

}
