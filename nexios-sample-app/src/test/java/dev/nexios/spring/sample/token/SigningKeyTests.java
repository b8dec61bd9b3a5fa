package dev.nexios.spring.sample.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The signing key pair: read from PEM files when configured, generated otherwise; the decoder accepts
 * exactly the tokens signed with it.
 */
class SigningKeyTests {

	@TempDir
	Path dir;

	@Test
	void keyPairFromPemFilesSignsTokensThatThePublicKeyVerifies() throws Exception {
		KeyPair keyPair = rsaKeyPair();
		DemoAuthProperties properties = new DemoAuthProperties();
		properties.getSigningKey().setPublicKeyLocation(pem("public.pem", "PUBLIC KEY", keyPair.getPublic().getEncoded()));
		properties.getSigningKey().setPrivateKeyLocation(pem("private.pem", "PRIVATE KEY", keyPair.getPrivate().getEncoded()));
		DemoTokenConfiguration configuration = configuration(properties);
		String token = sign(configuration.demoJwtEncoder(), properties.getIssuer());
		JwtDecoder fromFile = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keyPair.getPublic()).build();
		assertThat(fromFile.decode(token).getSubject()).isEqualTo("alice");
		assertThat(configuration.demoJwtDecoder(properties).decode(token).getSubject()).isEqualTo("alice");
	}

	@Test
	void generatedKeyPairDiffersPerStartupAndRefusesTheOthersTokens() {
		DemoAuthProperties properties = new DemoAuthProperties();
		DemoTokenConfiguration first = configuration(properties);
		DemoTokenConfiguration second = configuration(properties);
		String token = sign(first.demoJwtEncoder(), properties.getIssuer());
		assertThat(first.demoJwtDecoder(properties).decode(token).getSubject()).isEqualTo("alice");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> second.demoJwtDecoder(properties).decode(token));
	}

	@Test
	void tokenOfAnotherIssuerIsRefused() {
		DemoAuthProperties properties = new DemoAuthProperties();
		DemoTokenConfiguration configuration = configuration(properties);
		String token = sign(configuration.demoJwtEncoder(), "someone-else");
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> configuration.demoJwtDecoder(properties).decode(token));
	}

	@Test
	void onlyOneKeyLocationIsAStartupError() throws Exception {
		DemoAuthProperties properties = new DemoAuthProperties();
		properties.getSigningKey()
			.setPublicKeyLocation(pem("public.pem", "PUBLIC KEY", rsaKeyPair().getPublic().getEncoded()));
		assertThatIllegalStateException().isThrownBy(() -> configuration(properties))
			.withMessageContaining("private-key-location");
	}

	private static DemoTokenConfiguration configuration(DemoAuthProperties properties) {
		return new DemoTokenConfiguration(properties, new DefaultListableBeanFactory().getBeanProvider(Clock.class));
	}

	private static String sign(JwtEncoder encoder, String issuer) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject("alice")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
		return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
	}

	private FileSystemResource pem(String name, String type, byte[] der) throws IOException {
		String text = "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
		return new FileSystemResource(Files.writeString(this.dir.resolve(name), text));
	}

	private static KeyPair rsaKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

}
