package dev.nexios.spring.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nexios.spring.test.NexiosConformanceCommand;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/conformance.md ("From the command line, against any API") runs by hand: the command-line check with
 * {@code conformance-credentials.yml} against the sample served over HTTP with the
 * {@code conformance} profile (which trusts the demo signing key). Every request keeps the document's
 * promise, none is skipped or left unexercised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("conformance")
class CommandLineConformanceTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void theCommandWithTheSamplesCredentialsFileFindsNoMismatch() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream output = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		Path reports = Path.of("target/nexios-conformance-cli");
		int exit = NexiosConformanceCommand.run(new String[] { "--base-url", "http://localhost:" + this.port,
				"--credentials", "conformance-credentials.yml", "--reports", reports.toString() }, output, output,
				System::getenv);
		String text = bytes.toString(StandardCharsets.UTF_8);
		System.out.print(text);
		assertThat(exit).as(text).isEqualTo(NexiosConformanceCommand.OK);
		// only the two operations that the credentials file skips: they need the id of an issued key
		assertThat(text).contains(" 0 mismatches, 2 skipped").doesNotContain("not exercised");
		assertThat(Files.readString(reports.resolve("conformance.json")))
			.contains("\"skipped by the test: needs the id of a key issued at run time\" : 2");
		assertThat(reports.resolve("conformance-junit.xml")).exists();
		assertThat(Files.readString(reports.resolve("conformance.json"))).contains("\"mismatches\" : 0");
	}

}
