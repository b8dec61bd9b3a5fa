package dev.nexios.spring.sample.webflux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the WebFlux sample's tests, on Reactor Netty at a random port. The
 * demo token endpoint signs with a key pair generated here and handed to the application as PEM files,
 * so that the conformance check can mint tokens with any scopes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class SampleContext {

	/** The demo token endpoint's signing key. */
	protected static final KeyPair SIGNING_KEY = generateKeyPair();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void signingKey(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("nexios-sample-webflux");
		Path privateKey = pem(directory.resolve("private.pem"), "PRIVATE KEY", SIGNING_KEY.getPrivate().getEncoded());
		Path publicKey = pem(directory.resolve("public.pem"), "PUBLIC KEY", SIGNING_KEY.getPublic().getEncoded());
		registry.add("sample.auth.signing-key.private-key-location", () -> privateKey.toUri().toString());
		registry.add("sample.auth.signing-key.public-key-location", () -> publicKey.toUri().toString());
	}

	private static Path pem(Path file, String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
	}

	private static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
