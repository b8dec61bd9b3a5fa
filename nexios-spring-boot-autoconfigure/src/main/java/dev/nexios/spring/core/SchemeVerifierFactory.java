package dev.nexios.spring.core;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Builds the verifiers of one stack with Spring Security's machinery: {@code AuthenticationProvider}s
 * on the servlet stack, {@code ReactiveAuthenticationManager}s on the reactive one.
 * {@link SchemeAuthenticators} decides which one a scheme gets; the factory only builds it.
 *
 * @param <V> the verifier type
 */
public interface SchemeVerifierFactory<V> {

	/**
	 * A verifier of JWTs with the scheme's own key material ({@code nexios.security.schemes.<name>.jwt.*}).
	 * @param schemeName the scheme name
	 * @param jwt what to build the decoder from
	 * @return the verifier
	 */
	V jwt(String schemeName, JwtVerification jwt);

	/**
	 * A verifier that introspects tokens (RFC 7662) at the scheme's own endpoint.
	 * @param schemeName the scheme name
	 * @param opaqueToken the endpoint and client credentials
	 * @return the verifier
	 */
	V introspection(String schemeName, SchemeKeyMaterial.OpaqueToken opaqueToken);

	/**
	 * A verifier with the application's JWT decoder bean.
	 * @param schemeName the scheme name
	 * @param expirationTimeRequired whether a token without {@code exp} is refused (RFC 9068 §2.2)
	 * @return the verifier, or {@code null} when the application has no (unique) JWT decoder
	 */
	V applicationJwtDecoder(String schemeName, boolean expirationTimeRequired);

	/**
	 * A verifier with the application's opaque-token introspector bean.
	 * @param schemeName the scheme name
	 * @return the verifier, or {@code null} when the application has no (unique) introspector
	 */
	V applicationIntrospector(String schemeName);

	/**
	 * A verifier of user-id and password with the application's user details service and
	 * {@code PasswordEncoder}.
	 * @param schemeName the scheme name
	 * @return the verifier, or {@code null} when the application has no user details service
	 */
	V userDetails(String schemeName);

	/**
	 * A verifier of API keys.
	 * @param schemeName the scheme name
	 * @param keys the stack-neutral, synchronous verifier of the scheme's keys
	 * @return the verifier
	 */
	V apiKey(String schemeName, AuthenticationProvider keys);

}
