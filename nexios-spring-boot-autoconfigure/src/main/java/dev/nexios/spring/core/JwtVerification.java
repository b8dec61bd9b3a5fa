package dev.nexios.spring.core;

import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

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

	private static JwtTimestampValidator expirationTimeRequired() {
		JwtTimestampValidator validator = new JwtTimestampValidator();
		validator.setAllowEmptyExpiryClaim(false);
		return validator;
	}

}
