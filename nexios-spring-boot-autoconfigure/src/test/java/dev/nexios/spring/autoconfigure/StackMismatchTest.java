package dev.nexios.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose web stack is not its starter's stops at startup, saying which starter to add,
 * instead of running with neither documentation nor enforcement.
 */
class StackMismatchTest {

	private static final AutoConfigurations MISMATCH = AutoConfigurations
		.of(NexiosStackMismatchAutoConfiguration.class);

	@Test
	void webFluxApplicationWithTheServletStarterFailsSayingWhatToAdd() {
		new ReactiveWebApplicationContextRunner().withConfiguration(MISMATCH)
			.withClassLoader(new FilteredClassLoader("org.springdoc.webflux"))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("reactive (WebFlux)")
					.contains("nexios-spring-boot-starter (Spring MVC)");
				assertThat(analysis.getAction())
					.startsWith("Replace nexios-spring-boot-starter with nexios-spring-boot-starter-webflux");
			});
	}

	@Test
	void servletApplicationWithTheWebFluxStarterFailsSayingWhatToAdd() {
		new WebApplicationContextRunner().withConfiguration(MISMATCH)
			.withClassLoader(new FilteredClassLoader("org.springdoc.webmvc"))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("servlet (Spring MVC)")
					.contains("nexios-spring-boot-starter-webflux (WebFlux)");
				assertThat(analysis.getAction())
					.startsWith("Replace nexios-spring-boot-starter-webflux with nexios-spring-boot-starter");
			});
	}

	@Test
	void eachStackWithItsOwnStarterStarts() {
		new ReactiveWebApplicationContextRunner().withConfiguration(MISMATCH)
			.withClassLoader(new FilteredClassLoader("org.springdoc.webmvc"))
			.run((context) -> assertThat(context).hasNotFailed());
		new WebApplicationContextRunner().withConfiguration(MISMATCH)
			.withClassLoader(new FilteredClassLoader("org.springdoc.webflux"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void turnedOffWithTheSecurity() {
		new ReactiveWebApplicationContextRunner().withConfiguration(MISMATCH)
			.withPropertyValues("nexios.security.enabled=false")
			.withClassLoader(new FilteredClassLoader("org.springdoc.webflux"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static FailureAnalysis analysis(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof NexiosStackMismatchException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("the startup failure's cause").isInstanceOf(NexiosStackMismatchException.class);
		return new NexiosStackMismatchFailureAnalyzer().analyze(failure);
	}

}
