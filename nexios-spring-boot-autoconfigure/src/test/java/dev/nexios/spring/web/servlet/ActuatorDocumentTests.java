package dev.nexios.spring.web.servlet;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where springdoc documents actuator endpoints ({@code springdoc.show-actuator}), the document shows the
 * security that the enforcement applies to them.
 */
@SpringBootTest(classes = SecureByDefaultApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=secure-by-default", "springdoc.show-actuator=true" })
class ActuatorDocumentTests {

	@LocalServerPort
	int port;

	private ServerHttp http() {
		return new ServerHttp(this.port);
	}

	private HttpResponse<String> get(String path, String... headers) {
		return http().get(path, headers);
	}

	@Test
	void actuatorOperationsCarryTheirEnforcedSecurity() throws Exception {
		JsonNode paths = JsonMapper.shared().readTree(get("/v3/api-docs").body()).path("paths");
		JsonNode env = paths.at("/~1actuator~1env/get");
		assertThat(env.isMissingNode()).as("springdoc documents /actuator/env").isFalse();
		assertThat(env.at("/security/0/bearerAuth").isArray()).isTrue();
		assertThat(env.at("/responses/401").isMissingNode()).isFalse();
		JsonNode health = paths.at("/~1actuator~1health/get");
		assertThat(health.path("security").isArray()).isTrue();
		assertThat(health.path("security")).isEmpty();
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
	}

}
