package dev.nexios.spring.sample.webflux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.nexios.spring.test.ConformanceReport;
import dev.nexios.spring.test.Credentials;
import dev.nexios.spring.test.JwtCredentials;
import dev.nexios.spring.test.NexiosConformance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample's OpenAPI document against its behaviour, through Reactor Netty: for every
 * operation and every security requirement alternative the document lists, anonymous, satisfying,
 * incomplete, under-scoped and garbled requests get exactly the answer the document promises. The
 * full matrix is written to {@code target/nexios-conformance.md}.
 */
class ConformanceTest extends SampleContext {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyOperationDoesWhatTheDocumentPromises() {
		JwtCredentials tokens = Credentials.jwt(SIGNING_KEY, "nexios-sample");
		ConformanceReport report = NexiosConformance.forBaseUrl("http://localhost:" + this.port)
			.credentials("bearerAuth", tokens)
			.credentials("jwtAuth", tokens)
			.credentials("oauth2", tokens)
			.credentials("apiKeyAuth", Credentials.apiKey("demo-admin-key"))
			.credentials("apiKeyQuery", Credentials.apiKey("demo-reports-key"))
			.credentials("sessionCookie", Credentials.apiKey("demo-session-id"))
			.report(Path.of("target/nexios-conformance.md"))
			.verify();
		assertThat(report.mismatches()).isEmpty();
		assertThat(report.operations()).containsExactlyInAnyOrderElementsOf(sampleOperations());
		assertThat(report.skipped()).isEmpty();
	}

	/** Every operation the sample's controllers map, as {@code METHOD /path}. */
	private List<String> sampleOperations() {
		List<String> operations = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("dev.nexios.spring.sample")) {
				info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> info.getPatternsCondition()
						.getPatterns()
						.stream()
						.map(PathPattern::getPatternString)
						.forEach((path) -> operations.add(method.name() + " " + path)));
			}
		});
		assertThat(operations).isNotEmpty();
		return operations;
	}

}
