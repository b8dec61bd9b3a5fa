package dev.nexios.spring.sample.lint;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.StringJoiner;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lints the sample's OpenAPI document, served over HTTP, with Spectral and the OWASP API Security
 * ruleset (npm packages {@code @stoplight/spectral-cli} and {@code @stoplight/spectral-owasp-ruleset},
 * installed by {@code .ci/run} into {@code .spectral/} at the root of the project). The ruleset
 * {@code src/test/resources/spectral/sample-ruleset.yaml} turns off what is the sample author's choice,
 * each with its reason; no finding may remain, and none may point at what the starter writes.
 *
 * <p>Where Node.js or the packages are missing, the test is skipped, except on CI (environment variable
 * {@code CI=true}), where it fails. Another installation can be given with
 * {@code -Dnexios.test.spectral-home=...} (a folder with {@code node_modules}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpectralOwaspRulesetTests {

	/** The folder that holds {@code node_modules} with both packages. */
	static final Path SPECTRAL_HOME = Path
		.of(System.getProperty("nexios.test.spectral-home", Path.of("..", ".spectral").toString()))
		.toAbsolutePath()
		.normalize();

	static final Path SPECTRAL = SPECTRAL_HOME.resolve("node_modules/.bin/spectral");

	static final Path OWASP_RULESET = SPECTRAL_HOME.resolve("node_modules/@stoplight/spectral-owasp-ruleset/package.json");

	/**
	 * Paths of the document that the starter writes: the security schemes, the root and operation
	 * {@code security}, the 401/403 responses and the problem details schema.
	 */
	static final Pattern STARTER_PATHS = Pattern.compile("^(components\\.securitySchemes(\\..*)?|security(\\..*)?"
			+ "|paths\\.[^.]+(\\.[^.]+)*\\.(get|put|post|delete|options|head|patch|trace)\\.(security|responses\\.40[13])(\\..*)?"
			+ "|components\\.schemas\\.ProblemDetail(\\..*)?)$");

	@LocalServerPort
	int port;

	/**
	 * The folder under {@code target/spectral} for this document.
	 */
	String name() {
		return "openapi-3.1";
	}

	@Test
	void noFindingOnTheSampleDocument() throws Exception {
		assumeInstalled();
		Path dir = Files.createDirectories(Path.of("target", "spectral", name()));
		Path document = dir.resolve("openapi.json");
		Files.writeString(document, new SampleHttp(this.port).get("/v3/api-docs").body());
		// the overrides of the ruleset name the document relative to the ruleset's folder
		Path ruleset = dir.resolve("sample-ruleset.yaml");
		try (InputStream in = getClass().getResourceAsStream("/spectral/sample-ruleset.yaml")) {
			Files.copy(in, ruleset, StandardCopyOption.REPLACE_EXISTING);
		}
		Path results = dir.resolve("findings.json");
		Files.deleteIfExists(results);
		List<String> findings = lint(ruleset, document, results);
		List<String> starter = findings.stream()
			.filter((finding) -> STARTER_PATHS.matcher(finding.substring(finding.indexOf(' ') + 1)).matches())
			.toList();
		assertThat(starter).as("findings on what the starter writes, in %s", results).isEmpty();
		assertThat(findings).as("findings in %s; turn off only the sample's choices in %s", results,
				"src/test/resources/spectral/sample-ruleset.yaml").isEmpty();
	}

	@Test
	void theStarterPathsAreRecognised() {
		assertThat(STARTER_PATHS.matcher("components.securitySchemes.bearerAuth.description").matches()).isTrue();
		assertThat(STARTER_PATHS.matcher("security.0").matches()).isTrue();
		assertThat(STARTER_PATHS.matcher("paths./admin/panel.get.security.0").matches()).isTrue();
		assertThat(STARTER_PATHS.matcher("paths./documents.post.responses.403").matches()).isTrue();
		assertThat(STARTER_PATHS.matcher("components.schemas.ProblemDetail.properties.title").matches()).isTrue();
		assertThat(STARTER_PATHS.matcher("paths./documents.post.responses.201").matches()).isFalse();
		assertThat(STARTER_PATHS.matcher("components.schemas.TokenResponse.properties.scope").matches()).isFalse();
		assertThat(STARTER_PATHS.matcher("servers.0.url").matches()).isFalse();
	}

	/**
	 * Runs Spectral.
	 * @return one line per finding: the rule, a space, the path in the document (dot-separated)
	 */
	private static List<String> lint(Path ruleset, Path document, Path results) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(SPECTRAL.toString(), "lint", "--ruleset", ruleset.toAbsolutePath().toString(),
				"--format", "json", "--output", results.toAbsolutePath().toString(), "--quiet",
				document.toAbsolutePath().toString())
			.redirectErrorStream(true);
		// lets the ruleset's "extends" find the OWASP package
		builder.environment().put("NODE_PATH", SPECTRAL_HOME.resolve("node_modules").toString());
		Process process = builder.start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
			try (InputStream in = process.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		boolean exited = process.waitFor(180, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("Spectral did not finish in 180 s").isTrue();
		// exit status 1 means "findings of error severity", which are read from the results
		assertThat(process.exitValue()).as("Spectral failed: %s", output.join()).isIn(0, 1);
		assertThat(results).as("Spectral wrote no results: %s", output.join()).exists();
		JsonNode json = SampleHttp.json(Files.readString(results));
		List<String> findings = new ArrayList<>();
		for (JsonNode finding : json) {
			StringJoiner path = new StringJoiner(".");
			finding.path("path").forEach((segment) -> path.add(segment.asString()));
			findings.add(finding.path("code").asString() + " " + path);
		}
		return findings;
	}

	/**
	 * Skips the calling test when Node.js or the Spectral packages are missing; on CI (environment
	 * variable {@code CI=true}) fails it instead, since CI must run it.
	 */
	static void assumeInstalled() {
		String message = "Node.js or " + SPECTRAL + " or " + OWASP_RULESET
				+ " is missing. Install them as .ci/run does: apt-get install nodejs npm, then"
				+ " npm install --prefix .spectral @stoplight/spectral-cli @stoplight/spectral-owasp-ruleset"
				+ " (with the versions .ci/run pins)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(isInstalled()).as("The Spectral lint cannot run on CI: " + message).isTrue();
		}
		assumeTrue(isInstalled(), "Spectral lint skipped: " + message);
	}

	static boolean isInstalled() {
		return Files.isExecutable(SPECTRAL) && Files.isRegularFile(OWASP_RULESET) && nodeOnPath();
	}

	private static boolean nodeOnPath() {
		String path = System.getenv("PATH");
		return path != null && Pattern.compile(File.pathSeparator, Pattern.LITERAL)
			.splitAsStream(path)
			.anyMatch((entry) -> !entry.isEmpty() && Files.isExecutable(Path.of(entry, "node")));
	}

}
