package dev.nexios.spring.test;

import java.nio.file.Path;

import dev.nexios.spring.test.fixture.StarterApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static dev.nexios.spring.test.HandWrittenConformanceTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check under {@code nexios.security.public-by-default}: the document has no root {@code security},
 * the undeclared operation is public, and the enforcement keeps that promise as well.
 */
@SpringBootTest(classes = StarterApplication.class, properties = "nexios.security.public-by-default=true")
@AutoConfigureMockMvc
class StarterPublicByDefaultConformanceTest {

	@Autowired
	MockMvc mockMvc;

	@Test
	void everyOperationKeepsTheDocumentsPromise() {
		ConformanceReport report = StarterConformanceTest.allCredentials(NexiosConformance.forMockMvc(this.mockMvc))
			.report(Path.of("target/conformance/starter-public-by-default.md"))
			.verify();
		assertThat(report.mismatches()).isEmpty();
		assertThat(cell(report, "GET /undeclared", "no credentials").status()).isEqualTo(200);
		assertThat(cell(report, "GET /private", "no credentials").status()).isEqualTo(401);
	}

}
