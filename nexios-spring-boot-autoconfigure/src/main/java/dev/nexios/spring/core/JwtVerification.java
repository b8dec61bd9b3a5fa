package dev.nexios.spring.core;

import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.Assert;

/**
 * What a scheme's own JWT decoder is built from: exactly one of {@code jwkSetUri}, {@code publicKey}
 * and {@code issuerUri} (discovery) is the key source, in that order.
 *
 * @param algorithms the accepted JWS algorithms
 * @param validator the validators: {@code typ}, {@code exp} and {@code nbf}, issuer, audience and the
 * application's {@code OAuth2TokenValidator<Jwt>} beans
 * @param jwkSetUri the JWK Set URI, or {@code null}
 * @param publicKey the RSA public key, or {@code null}
 * @param issuerUri the issuer, also the discovery location without another key source; or {@code null}
 */
public record JwtVerification(Set<SignatureAlgorithm> algorithms, OAuth2TokenValidator<Jwt> validator,
		String jwkSetUri, RSAPublicKey publicKey, String issuerUri) {

	private static final JwtTimestampValidator EXPIRATION_TIME_REQUIRED = expirationTimeRequired();

	/**
	 * Refuses a JWT without {@code exp} (RFC 9068 §2.2), for the application's decoder beans, which
	 * cannot be given another validator: the check follows them.
	 * @param jwt the decoded token
	 * @return the token
	 * @throws JwtValidationException when it has no {@code exp} or has expired
	 */
	public static Jwt requireExpirationTime(Jwt jwt) {
		OAuth2TokenValidatorResult result = EXPIRATION_TIME_REQUIRED.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
					result.getErrors());
		}
		return jwt;
	}

	/**
	 * The key selector of a decoder that verifies with {@link #publicKey()}: the key itself for a JWS header
	 * whose {@code alg} is one of {@link #algorithms()}, no key otherwise, so that Nimbus rejects the token
	 * (RFC 7515 §4.1.1). The key is handed over as it is, not rebuilt from a JWK for every token; a
	 * {@code kid} in the header is not matched, the key has none.
	 * @param <C> the Nimbus security context type of the processor
	 * @return the selector
	 * @throws IllegalStateException when there is no public key
	 */
	public <C extends SecurityContext> JWSKeySelector<C> publicKeySelector() {
		Assert.state(this.publicKey != null, "No public key to select");
		Set<JWSAlgorithm> accepted = this.algorithms.stream()
			.map((algorithm) -> JWSAlgorithm.parse(algorithm.getName()))
			.collect(Collectors.toUnmodifiableSet());
		List<Key> keys = List.of(this.publicKey);
		return (header, context) -> accepted.contains(header.getAlgorithm()) ? keys : List.of();
	}

	private static JwtTimestampValidator expirationTimeRequired() {
		JwtTimestampValidator validator = new JwtTimestampValidator();
		validator.setAllowEmptyExpiryClaim(false);
		return validator;
	}

}
