package dev.nexios.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link NexiosStackMismatchException}: which stack the application runs on, which starter
 * it has, and what to add instead.
 */
class NexiosStackMismatchFailureAnalyzer extends AbstractFailureAnalyzer<NexiosStackMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NexiosStackMismatchException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
