package dev.nexios.spring.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.test.ConformanceCell.Result;
import dev.nexios.spring.test.fixture.HandWrittenApplication;
import dev.nexios.spring.test.fixture.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The check against an application that keeps its document and its hand-written Spring Security
 * configuration in agreement: every request keeps the promise, through MockMvc and over HTTP.
 */
@SpringBootTest(classes = HandWrittenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "nexios.security.enabled=false")
@AutoConfigureMockMvc
class HandWrittenConformanceTest {

	@Autowired
	MockMvc mockMvc;

	@LocalServerPort
	int port;

	static NexiosConformance allCredentials(NexiosConformance conformance) {
		return conformance.credentials("bearerAuth", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER))
			.credentials("apiKeyAuth", Credentials.apiKeys(Map.of("admin-key", Set.of("admin"), "plain-key", Set.of())))
			.credentials("basicAuth", Credentials.basic("alice", "secret"))
			.pathVariable("id", "42");
	}

	@Test
	void conformingApplicationHasNoMismatchAndTheReportListsEveryOperation() throws Exception {
		Path file = Path.of("target/conformance/hand-written.md");
		ConformanceReport report = allCredentials(NexiosConformance.forMockMvc(this.mockMvc)).report(file).verify();
		assertThat(report.operations()).containsExactlyInAnyOrder("GET /public", "GET /greeting", "GET /private",
				"GET /items/{id}", "POST /items", "GET /superuser", "GET /admin", "GET /reports", "GET /basic");
		assertThat(report.mismatches()).isEmpty();
		assertThat(report.skipped()).isEmpty();
		String markdown = Files.readString(file);
		report.operations().forEach((operation) -> assertThat(markdown).contains("## `" + operation + "`"));
		// each kind of request was really sent and answered as promised
		assertThat(cell(report, "GET /public", "public: no credentials").status()).isEqualTo(200);
		assertThat(cell(report, "GET /private", "no credentials").status()).isEqualTo(401);
		assertThat(cell(report, "GET /items/{id}", "without scope read of bearerAuth").status()).isEqualTo(403);
		// the minimal body was derived from the schema (its required "name"), so the request reached the handler
		assertThat(cell(report, "POST /items", "meets {bearerAuth[write]}").status()).isEqualTo(200);
		assertThat(cell(report, "GET /admin", "without scope admin of apiKeyAuth").status()).isEqualTo(403);
		assertThat(cell(report, "GET /reports", "{bearerAuth, apiKeyAuth} without apiKeyAuth").status())
			.isEqualTo(401);
		assertThat(cell(report, "GET /reports", "meets {bearerAuth, apiKeyAuth}").status()).isEqualTo(200);
		assertThat(cell(report, "GET /greeting", "no credentials").expected()).isEqualTo(Expectation.NOT_REJECTED);
		assertThat(cell(report, "GET /greeting", "with bearerAuth garbled: expired JWT").status()).isEqualTo(401);
		assertThat(cell(report, "GET /superuser", "with apiKeyAuth garbled: unknown key").status()).isEqualTo(401);
		assertThat(cell(report, "GET /basic", "with basicAuth garbled: wrong password").status()).isEqualTo(401);
	}

	@Test
	void overHttpTheMatrixIsTheSame() {
		ConformanceReport overHttp = allCredentials(NexiosConformance.forBaseUrl("http://localhost:" + this.port))
			.report(Path.of("target/conformance/hand-written.json"))
			.verify();
		ConformanceReport throughMockMvc = allCredentials(NexiosConformance.forMockMvc(this.mockMvc)).run();
		assertThat(overHttp.cells()).hasSameSizeAs(throughMockMvc.cells());
		assertThat(overHttp.passed()).hasSameSizeAs(throughMockMvc.passed());
	}

	@Test
	void requestsThatCannotBeBuiltAreSkippedWithTheReason() {
		ConformanceReport report = NexiosConformance.forMockMvc(this.mockMvc)
			.credentials("bearerAuth", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER).cannotGrantScopes())
			.credentials("apiKeyAuth", Credentials.apiKey("admin-key", Set.of("admin")))
			.skip("get /superuser", "covered elsewhere")
			.verify();
		assertThat(cell(report, "GET /items/{id}", "meets {bearerAuth[read]}").result()).isEqualTo(Result.SKIPPED);
		assertThat(cell(report, "GET /items/{id}", "meets {bearerAuth[read]}").note())
			.isEqualTo("no credential of bearerAuth grants scope read");
		// a scope-less token is exactly what the "scope missing" request needs
		assertThat(cell(report, "GET /items/{id}", "without scope read of bearerAuth").result())
			.isEqualTo(Result.PASSED);
		// the only key grants admin, so no key can show the 403
		assertThat(cell(report, "GET /admin", "without scope admin of apiKeyAuth").note())
			.isEqualTo("no credential of apiKeyAuth withholds scope admin");
		assertThat(cell(report, "GET /basic", "meets {basicAuth}").note())
			.isEqualTo("no credentials for basicAuth (add .credentials(\"basicAuth\", ...))");
		assertThat(cell(report, "GET /superuser", "all").note()).isEqualTo("skipped by the test: covered elsewhere");
		assertThat(report.mismatches()).isEmpty();
	}

	@Test
	void refusesToPassWhenNothingWasChecked() {
		NexiosConformance conformance = NexiosConformance.forMockMvc(this.mockMvc);
		List.of("GET /public", "GET /greeting", "GET /private", "GET /items/{id}", "POST /items", "GET /superuser",
				"GET /admin", "GET /reports", "GET /basic")
			.forEach((operation) -> conformance.skip(operation, "not today"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(conformance::verify)
			.withMessage("No request could be checked, all were skipped: skipped by the test: not today");
	}

	@Test
	void failsClearlyOnAMisspelledSchemeOrAMissingDocument() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NexiosConformance.forMockMvc(this.mockMvc)
				.credentials("bearer", Credentials.basic("alice", "secret"))
				.run())
			.withMessage("Credentials were given for bearer, but the document declares only the security schemes "
					+ "[bearerAuth, apiKeyAuth, basicAuth]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> NexiosConformance.forMockMvc(this.mockMvc).apiDocsPath("/no-docs-here").run())
			.withMessage("Could not read the OpenAPI document at MockMvc /no-docs-here: status 401");
	}

	static ConformanceCell cell(ConformanceReport report, String operation, String check) {
		return report.cells()
			.stream()
			.filter((cell) -> cell.operation().equals(operation) && cell.check().endsWith(check))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No cell " + check + " for " + operation + " in\n" + report.toMarkdown()));
	}

}
