package dev.nexios.spring.web.servlet;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explicit opt-in {@code nexios.security.public-by-default}: operations without a declaration are
 * public, the document says so (no root {@code security}), a warning lists them, and what is not an
 * operation (actuator endpoints, other handlers and servlets) stays closed.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecureByDefaultApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=secure-by-default", "nexios.security.public-by-default=true" })
class PublicByDefaultTests {

	@LocalServerPort
	int port;

	private ServerHttp http() {
		return new ServerHttp(this.port);
	}

	private HttpResponse<String> get(String path, String... headers) {
		return http().get(path, headers);
	}

	@Test
	void anOperationWithoutAnnotationIsPublic() throws Exception {
		HttpResponse<String> response = get("/undeclared");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("undeclared-body");
	}

	@Test
	void declaredOperationsActuatorAndOtherHandlersStayClosed() throws Exception {
		for (String path : new String[] { "/secret", "/actuator/env", "/legacy", "/view", "/second/x" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).as(path)
				.containsExactly("Bearer resource_metadata=\"http://localhost:" + this.port
						+ "/.well-known/oauth-protected-resource\"");
		}
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void theDocumentHasNoRootSecurityAndTheSecuredOperationsKeepTheirs() throws Exception {
		JsonNode document = JsonMapper.shared().readTree(get("/v3/api-docs").body());
		assertThat(document.has("security")).isFalse();
		assertThat(document.at("/paths/~1undeclared/get").has("security")).isFalse();
		assertThat(document.at("/paths/~1secret/get/security/0/bearerAuth").isArray()).isTrue();
	}

	@Test
	void startupWarnsWithEveryPublicOperation(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern("WARN.*public-by-default=true: \\d+ operation\\(s\\) without "
				+ "@NexiosSecured are public.*GET /undeclared \\(UndeclaredController#undeclared\\)");
	}

}
