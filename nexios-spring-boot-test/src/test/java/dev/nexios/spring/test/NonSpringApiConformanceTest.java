package dev.nexios.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import dev.nexios.spring.test.ConformanceCell.Result;
import dev.nexios.spring.test.fixture.JdkHttpServerApi;
import dev.nexios.spring.test.fixture.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The check against an API that has nothing to do with Spring: the JDK's HTTP server with security
 * written by hand and an OpenAPI 3.0 YAML file of its own. Through the Java API and through the
 * command ({@link NexiosConformanceCommand}), whose exit code and report files are checked.
 */
class NonSpringApiConformanceTest {

	static final Map<String, String> ENVIRONMENT = Map.of("PLAIN_KEY", "key-plain", "ANN_PASSWORD", "ann-pw");

	@TempDir
	Path directory;

	@Test
	void aConformingApiPassesWithEveryOperationExercised() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(false)) {
			ConformanceReport report = credentials(NexiosConformance.forBaseUrl(api.baseUrl()))
				.document(openApiFile())
				.verify();
			assertThat(report.operations()).containsExactly("GET /health", "GET /orders", "POST /orders",
					"GET /orders/{id}", "DELETE /orders/{id}", "GET /me", "GET /greeting");
			assertThat(report.mismatches()).isEmpty();
			assertThat(report.notExercised()).isEmpty();
			assertThat(report.skipped()).isEmpty();
			// the body and the required query parameter came from the document, so the handler ran
			assertThat(HandWrittenConformanceTest.cell(report, "POST /orders", "meets {bearer[orders.write]}").status())
				.isEqualTo(201);
			assertThat(HandWrittenConformanceTest.cell(report, "GET /orders", "meets {key}").status()).isEqualTo(200);
			assertThat(HandWrittenConformanceTest.cell(report, "DELETE /orders/{id}", "without scope admin of bearer")
				.status()).isEqualTo(403);
		}
	}

	@Test
	void aRequestThatSecurityLetsThroughButTheOperationRefusesIsNotExercisedNeverPassed() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(false)) {
			ConformanceReport report = credentials(NexiosConformance.forBaseUrl(api.baseUrl()))
				.document(openApiFile())
				.requestBody("POST /orders", "{}")
				.run();
			ConformanceCell cell = HandWrittenConformanceTest.cell(report, "POST /orders", "meets {bearer[orders.write]}");
			assertThat(cell.status()).isEqualTo(400);
			assertThat(cell.result()).isEqualTo(Result.NOT_EXERCISED);
			assertThat(report.passed()).doesNotContain(cell);
		}
	}

	@Test
	void theDeliberatelyWrongOperationIsTheOnlyMismatch() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(true)) {
			ConformanceReport report = credentials(NexiosConformance.forBaseUrl(api.baseUrl()))
				.document(openApiFile())
				.run();
			assertThat(report.mismatches()).extracting(ConformanceCell::operation, ConformanceCell::check,
					ConformanceCell::expected, ConformanceCell::status)
				.containsExactly(tuple("DELETE /orders/{id}", "{bearer[admin]} without scope admin of bearer",
						Expectation.FORBIDDEN, 204));
		}
	}

	@Test
	void theCommandReportsTheMismatchWithExitCodeOneAndWritesEveryReport() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(true)) {
			Path reports = this.directory.resolve("reports");
			Output output = new Output();
			int exit = NexiosConformanceCommand.run(new String[] { "--base-url", api.baseUrl(), "--openapi",
					openApiFile().toString(), "--credentials", credentialsFile().toString(), "--reports", reports.toString(),
					"--concurrency", "4", "--progress-seconds", "0" }, output.out, output.err, ENVIRONMENT::get);
			assertThat(exit).as(output::text).isEqualTo(NexiosConformanceCommand.MISMATCH);
			assertThat(output.text()).contains("7 operations").contains("1 mismatch")
				.contains("DELETE /orders/{id} | {bearer[admin]} without scope admin of bearer");
			String markdown = Files.readString(reports.resolve("conformance.md"));
			assertThat(markdown).contains("## Mismatches").contains("## `GET /greeting`");
			JsonNode json = new ObjectMapper().readTree(reports.resolve("conformance.json").toFile());
			assertThat(json.path("counts").path("mismatches").asInt()).isEqualTo(1);
			assertThat(json.path("counts").path("operations").asInt()).isEqualTo(7);
			String junit = Files.readString(reports.resolve("conformance-junit.xml"));
			assertThat(junit).contains("failures=\"1\"").contains("classname=\"DELETE /orders/{id}\"").contains("<failure");
			// no secret in any output: keys, password, the private key
			for (String text : new String[] { output.text(), markdown, json.toString(), junit }) {
				assertThat(text).doesNotContain("key-reader", "key-plain", "ann-pw", "MII");
			}
		}
	}

	@Test
	void theCommandPassesAConformingApiReadingTheDocumentFromItsUrl() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(false)) {
			Output output = new Output();
			int exit = NexiosConformanceCommand.run(new String[] { "--base-url", api.baseUrl(), "--openapi",
					api.baseUrl() + "/openapi.yaml", "--credentials", credentialsFile().toString(), "--reports",
					this.directory.resolve("ok").toString(), "--progress-seconds", "0" }, output.out, output.err,
					ENVIRONMENT::get);
			assertThat(exit).as(output::text).isEqualTo(NexiosConformanceCommand.OK);
			assertThat(output.text()).contains("0 mismatches, 0 skipped");
		}
	}

	@Test
	void usageErrorsHaveTheirOwnExitCode() throws IOException {
		try (JdkHttpServerApi api = new JdkHttpServerApi(false)) {
			Output output = new Output();
			assertThat(NexiosConformanceCommand.run(new String[] { "--openapi", "x.yaml" }, output.out, output.err,
					ENVIRONMENT::get)).isEqualTo(NexiosConformanceCommand.USAGE);
			assertThat(output.text()).contains("--base-url is required").contains("Usage:");
			// the environment variable is missing: named, its value never printed
			Output missing = new Output();
			assertThat(NexiosConformanceCommand.run(new String[] { "--base-url", api.baseUrl(), "--openapi",
					openApiFile().toString(), "--credentials", credentialsFile().toString(), "--reports",
					this.directory.resolve("r").toString() }, missing.out, missing.err, (name) -> null))
				.isEqualTo(NexiosConformanceCommand.USAGE);
			assertThat(missing.text()).contains("schemes.key.api-keys[1].key-env: the environment variable PLAIN_KEY is not set");
			// a scheme the document does not declare
			Path typo = this.directory.resolve("typo.yml");
			Files.writeString(typo, "schemes:\n  bearerAuth:\n    tokens: [ { token: t } ]\n");
			Output undeclared = new Output();
			assertThat(NexiosConformanceCommand.run(new String[] { "--base-url", api.baseUrl(), "--openapi",
					openApiFile().toString(), "--credentials", typo.toString(), "--reports",
					this.directory.resolve("r").toString() }, undeclared.out, undeclared.err, ENVIRONMENT::get))
				.isEqualTo(NexiosConformanceCommand.USAGE);
			assertThat(undeclared.text()).contains("Credentials were given for bearerAuth");
			// an API that is not there: the check could not run
			Output down = new Output();
			assertThat(NexiosConformanceCommand.run(new String[] { "--base-url", "http://127.0.0.1:1", "--reports",
					this.directory.resolve("r").toString() }, down.out, down.err, ENVIRONMENT::get))
				.isEqualTo(NexiosConformanceCommand.NOT_CHECKED);
		}
	}

	private static NexiosConformance credentials(NexiosConformance conformance) {
		return conformance.credentials("bearer", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER))
			.credentials("key", Credentials.apiKeys(Map.of("key-reader", Set.of("orders.read"), "key-plain", Set.of())))
			.credentials("basic", Credentials.basic("ann", "ann-pw"));
	}

	private Path openApiFile() throws IOException {
		Path file = this.directory.resolve("openapi.yaml");
		if (!Files.exists(file)) {
			Files.writeString(file, JdkHttpServerApi.OPENAPI);
		}
		return file;
	}

	private Path credentialsFile() throws IOException {
		Path key = this.directory.resolve("signing-key.pem");
		try {
			Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(TestKeys.RSA.toRSAPrivateKey().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n");
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		Path file = this.directory.resolve("credentials.yml");
		Files.writeString(file, """
				schemes:
				  bearer:
				    jwt:
				      private-key: signing-key.pem
				      issuer: https://issuer.test.nexios.dev
				  key:
				    api-keys:
				      - { key: key-reader, scopes: [orders.read] }
				      - { key-env: PLAIN_KEY }
				  basic:
				    users:
				      - { username: ann, password-env: ANN_PASSWORD }
				""");
		return file;
	}

	/** Captures what the command prints. */
	static final class Output {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		final PrintStream out = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

		final PrintStream err = this.out;

		String text() {
			return this.bytes.toString(StandardCharsets.UTF_8);
		}

	}

}
