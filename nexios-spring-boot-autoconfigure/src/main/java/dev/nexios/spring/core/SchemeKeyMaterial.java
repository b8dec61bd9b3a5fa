package dev.nexios.spring.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.util.StringUtils;

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
	 * JWT validation of one scheme. {@code issuerUri}, {@code jwkSetUri} and {@code publicKeyLocation}
	 * are the scheme's own key material; {@code audiences}, {@code jwsAlgorithms}, {@code tokenTypes} and
	 * {@code requireTokenType} configure the verifier built from it and cannot be used without it;
	 * {@code requireExpirationTime} applies to every JWT of the scheme.
	 *
	 * @param issuerUri the issuer that tokens must name in {@code iss}; also the discovery location when
	 * no other key source is set
	 * @param jwkSetUri the JSON Web Key Set URI
	 * @param publicKeyLocation a resource location of a PEM RSA public key
	 * @param audiences accepted {@code aud} values; empty for no audience check
	 * @param jwsAlgorithms accepted JWS algorithms (RFC 7518 §3.1); empty for {@code RS256}
	 * @param tokenTypes accepted {@code typ} header values (RFC 7515 §4.1.9); empty for {@code JWT} and
	 * {@code at+jwt} (RFC 9068 §2.1)
	 * @param requireTokenType whether a token without {@code typ} is refused; {@code null} for
	 * {@code false}
	 * @param requireExpirationTime whether a token without {@code exp} is refused (RFC 9068 §2.2);
	 * {@code null} for {@code true}
	 */
	public record Jwt(String issuerUri, String jwkSetUri, String publicKeyLocation, List<String> audiences,
			List<String> jwsAlgorithms, List<String> tokenTypes, Boolean requireTokenType,
			Boolean requireExpirationTime) {

		/** The token types accepted when none are configured: RFC 7519's and RFC 9068's. */
		public static final List<String> DEFAULT_TOKEN_TYPES = List.of("JWT", "at+jwt");

		/**
		 * The name of the starter's {@code typ} validator bean, which makes Spring Boot's
		 * {@code JwtDecoder} accept {@link #DEFAULT_TOKEN_TYPES}; a scheme's own decoder ignores
		 * {@code JwtTypeValidator} beans and uses its {@code token-types} instead.
		 */
		public static final String TYPE_VALIDATOR_BEAN_NAME = "nexiosJwtTypeValidator";

		public Jwt {
			audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
			jwsAlgorithms = (jwsAlgorithms != null) ? List.copyOf(jwsAlgorithms) : List.of();
			tokenTypes = (tokenTypes != null) ? List.copyOf(tokenTypes) : List.of();
		}

		/**
		 * Key material and audiences only; the other settings at their defaults.
		 */
		public Jwt(String issuerUri, String jwkSetUri, String publicKeyLocation, List<String> audiences,
				List<String> jwsAlgorithms) {
			this(issuerUri, jwkSetUri, publicKeyLocation, audiences, jwsAlgorithms, null, null, null);
		}

		/**
		 * A {@code typ} validator that accepts the given types, with or without the {@code application/}
		 * prefix (RFC 7515 §4.1.9), case-insensitively.
		 * @param types the accepted types, e.g. {@code JWT}, {@code at+jwt}
		 * @param allowMissing whether a token without {@code typ} is accepted
		 * @return the validator
		 */
		public static JwtTypeValidator typeValidator(Collection<String> types, boolean allowMissing) {
			Set<String> accepted = new LinkedHashSet<>();
			for (String type : types) {
				String trimmed = type.trim();
				accepted.add(trimmed);
				accepted.add(StringUtils.startsWithIgnoreCase(trimmed, "application/")
						? trimmed.substring("application/".length()) : "application/" + trimmed);
			}
			JwtTypeValidator validator = new JwtTypeValidator(accepted);
			validator.setAllowEmpty(allowMissing);
			return validator;
		}

		/**
		 * Whether a token without {@code exp} is refused.
		 * @return {@code true} unless set to {@code false}
		 */
		public boolean expirationTimeRequired() {
			return !Boolean.FALSE.equals(this.requireExpirationTime);
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
