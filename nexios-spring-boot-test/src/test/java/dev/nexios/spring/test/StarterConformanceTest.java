package dev.nexios.spring.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.test.fixture.StarterApplication;
import dev.nexios.spring.test.fixture.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static dev.nexios.spring.test.HandWrittenConformanceTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check against an application secured by the starter: the document and the enforcement come from
 * one declaration, so every request keeps the document's promise.
 */
@SpringBootTest(classes = StarterApplication.class)
@AutoConfigureMockMvc
class StarterConformanceTest {

	@Autowired
	MockMvc mockMvc;

	static NexiosConformance allCredentials(NexiosConformance conformance) {
		JwtCredentials jwt = Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER);
		return conformance.credentials("bearerAuth", jwt)
			.credentials("oauth2", jwt)
			.credentials("apiKeyAuth", Credentials.apiKeys(Map.of("admin-key", Set.of("admin"), "plain-key", Set.of())))
			.credentials("queryKey", Credentials.apiKey("plain-key"))
			.credentials("basicAuth", Credentials.basic("alice", "secret", Set.of("read")));
	}

	@Test
	void everyOperationKeepsTheDocumentsPromise() {
		ConformanceReport report = allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.report(Path.of("target/conformance/starter.md"))
			.verify();
		assertThat(report.operations()).containsExactlyInAnyOrder("GET /public", "GET /undeclared", "GET /greeting", "GET /private",
				"GET /items/{id}", "POST /items", "GET /superuser", "GET /admin", "GET /reports", "GET /exports",
				"GET /basic");
		assertThat(report.mismatches()).isEmpty();
		assertThat(cell(report, "GET /undeclared", "no credentials").status()).isEqualTo(401);
		assertThat(cell(report, "GET /reports", "without scope write of oauth2").status()).isEqualTo(403);
		assertThat(cell(report, "GET /reports", "without apiKeyAuth").status()).isEqualTo(401);
		assertThat(cell(report, "GET /reports", "without oauth2").status()).isEqualTo(401);
		assertThat(cell(report, "GET /exports", "with queryKey garbled: unknown key").status()).isEqualTo(401);
		assertThat(cell(report, "GET /basic", "without scope read of basicAuth").result())
			.isEqualTo(ConformanceCell.Result.SKIPPED);
		assertThat(cell(report, "POST /items", "meets {oauth2[write]}").status()).isEqualTo(200);
		// the only skipped cells are those a single user cannot build: basic without scope read
		assertThat(report.skipped()).extracting(ConformanceCell::operation).containsOnly("GET /basic");
		assertThat(List.copyOf(report.skipped())).hasSize(1);
	}

}
