package dev.nexios.spring.web.servlet;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator endpoints on their own port ({@code management.server.port}, a child context with its own
 * {@code DispatcherServlet}) follow the same rule as on the application's port: health public, every
 * other endpoint behind the default requirements.
 */
@SpringBootTest(classes = SecureByDefaultApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=secure-by-default", "management.server.port=0" })
class ManagementPortTests {

	@LocalManagementPort
	int managementPort;

	private ServerHttp http() {
		return new ServerHttp(this.managementPort);
	}

	private HttpResponse<String> get(String path, String... headers) {
		return http().get(path, headers);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/mappings", "/actuator/threaddump", "/actuator/loggers", "/actuator/nothing-here" })
	void endpointsNeedTheDefaultScheme(String path) throws Exception {
		HttpResponse<String> refused = get(path);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(
				"Bearer resource_metadata=\"http://localhost:" + this.managementPort + "/.well-known/oauth-protected-resource\"");
		assertThat(refused.body()).doesNotContain("propertySources").doesNotContain("contexts");
		int status = get(path, HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null))
			.statusCode();
		assertThat(status).isEqualTo(path.endsWith("nothing-here") ? 404 : 200);
	}

	@Test
	void healthIsPublic() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\"");
	}

}
