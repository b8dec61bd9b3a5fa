package dev.nexios.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.test.ConformanceReport;
import dev.nexios.spring.test.Credentials;
import dev.nexios.spring.test.JwtCredentials;
import dev.nexios.spring.test.NexiosConformance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's OpenAPI document against its behaviour: for every operation and every security
 * requirement alternative the document lists, anonymous, satisfying, incomplete, under-scoped and
 * garbled requests get exactly the answer the document promises. The full matrix is written to
 * {@code target/nexios-conformance.md}.
 *
 * <p>The demo token endpoint signs with a key pair generated here and handed to the application as
 * PEM files, so that the check can mint tokens with any scopes; the API keys are the demo keys.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConformanceTest {

	static final KeyPair SIGNING_KEY = generateKeyPair();

	@DynamicPropertySource
	static void signingKey(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("nexios-sample-conformance");
		Path privateKey = pem(directory.resolve("private.pem"), "PRIVATE KEY", SIGNING_KEY.getPrivate().getEncoded());
		Path publicKey = pem(directory.resolve("public.pem"), "PUBLIC KEY", SIGNING_KEY.getPublic().getEncoded());
		registry.add("sample.auth.signing-key.private-key-location", () -> privateKey.toUri().toString());
		registry.add("sample.auth.signing-key.public-key-location", () -> publicKey.toUri().toString());
	}

	@Autowired
	MockMvc mockMvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyOperationDoesWhatTheDocumentPromises() {
		JwtCredentials tokens = Credentials.jwt(SIGNING_KEY, "nexios-sample");
		ConformanceReport report = NexiosConformance.forMockMvc(this.mockMvc)
			.credentials("bearerAuth", tokens)
			.credentials("jwtAuth", tokens)
			.credentials("oauth2", tokens)
			.credentials("apiKeyAuth", Credentials.apiKey("demo-admin-key"))
			.credentials("apiKeyQuery", Credentials.apiKey("demo-reports-key"))
			.credentials("sessionCookie", Credentials.apiKey("demo-session-id"))
			.report(Path.of("target/nexios-conformance.md"))
			.verify();
		assertThat(report.mismatches()).isEmpty();
		assertThat(report.operations()).containsExactlyInAnyOrderElementsOf(sampleOperations());
		assertThat(report.skipped()).isEmpty();
	}

	/** Every operation the sample's controllers map, as {@code METHOD /path}. */
	private List<String> sampleOperations() {
		List<String> operations = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("dev.nexios.spring.sample")) {
				info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> info.getPathPatternsCondition()
						.getPatternValues()
						.forEach((path) -> operations.add(method.name() + " " + path)));
			}
		});
		assertThat(operations).isNotEmpty();
		return operations;
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
