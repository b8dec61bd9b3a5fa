package it.nexios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on this Spring Boot version without a warning, and the starter enforces
 * the declaration over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ItApplicationTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void runsOnTheExpectedSpringBootVersion() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expected.spring-boot.version"));
	}

	@Test
	void startupLogHasNoWarning(CapturedOutput output) {
		assertThat(output.getOut() + output.getErr()).contains("Started ItApplicationTests")
			.doesNotContain(" WARN ")
			.doesNotContain("TypeNotPresentException")
			.doesNotContain("Failed to introspect");
	}

	@Test
	void securedOperationNeedsItsApiKey() throws Exception {
		assertThat(get(null)).isEqualTo(401);
		assertThat(get("wrong-key-0123456789")).isEqualTo(401);
		assertThat(get("it-api-key-0123456789")).isEqualTo(200);
	}

	private int get(String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/orders"));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
