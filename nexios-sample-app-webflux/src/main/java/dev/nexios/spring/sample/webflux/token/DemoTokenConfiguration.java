package dev.nexios.spring.sample.webflux.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

import dev.nexios.spring.model.NexiosSecurityModel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The demo's signing key pair, the {@link JwtEncoder} of the token endpoint and the
 * {@link ReactiveJwtDecoder} that the {@code bearerAuth}, {@code jwtAuth} and {@code oauth2} schemes use to
 * verify bearer tokens: both built from the same key pair, so the schemes accept exactly the tokens
 * that {@code POST /auth/token} issues (RS256, issuer {@code sample.auth.issuer}, not expired).
 *
 * <p>Time comes from a {@link Clock} bean when there is one (tests use it to let a token expire),
 * otherwise from the system clock in UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoAuthProperties.class)
class DemoTokenConfiguration {

	private final KeyPair keyPair;

	private final Clock clock;

	DemoTokenConfiguration(DemoAuthProperties properties, ObjectProvider<Clock> clock) {
		this.keyPair = keyPair(properties.getSigningKey());
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Bean
	JwtEncoder demoJwtEncoder() {
		return NimbusJwtEncoder.withKeyPair((RSAPublicKey) this.keyPair.getPublic(),
				(RSAPrivateKey) this.keyPair.getPrivate())
			.algorithm(SignatureAlgorithm.RS256)
			.build();
	}

	@Bean
	ReactiveJwtDecoder demoJwtDecoder(DemoAuthProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) this.keyPair.getPublic())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(this.clock);
		// exp is required: the token endpoint always sets it, a token without it is not one of ours
		timestamps.setAllowEmptyExpiryClaim(false);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(properties.getIssuer())));
		return decoder;
	}

	@Bean
	DemoTokenService demoTokenService(DemoAuthProperties properties, JwtEncoder demoJwtEncoder,
			ObjectProvider<NexiosSecurityModel> model) {
		return new DemoTokenService(properties, demoJwtEncoder, this.clock, model);
	}

	private static KeyPair keyPair(DemoAuthProperties.SigningKey key) {
		Resource privateKey = key.getPrivateKeyLocation();
		Resource publicKey = key.getPublicKeyLocation();
		if (privateKey == null && publicKey == null) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("RSA is not available", ex);
			}
		}
		if (privateKey == null || publicKey == null) {
			throw new IllegalStateException("Set both sample.auth.signing-key.private-key-location and "
					+ "sample.auth.signing-key.public-key-location, or neither to generate a key pair");
		}
		try (InputStream publicIn = publicKey.getInputStream(); InputStream privateIn = privateKey.getInputStream()) {
			return new KeyPair(RsaKeyConverters.x509().convert(publicIn), RsaKeyConverters.pkcs8().convert(privateIn));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing key pair", ex);
		}
	}

}
