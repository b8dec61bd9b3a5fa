package dev.nexios.spring.sample;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the build's console why tests were skipped (the browser tests without Chromium, the Spectral
 * lint without Node.js): Maven shows only "Skipped: n", and the test output, where the assumption's
 * message is, goes to files ({@code redirectTestOutputToFile}). The test JVM's own standard error
 * reaches the console, so the reason is written there, once per test class and reason.
 *
 * <p>Registered for the sample's tests through {@code META-INF/services}.
 */
public class SkipReasonsOnConsole implements TestExecutionListener {

	private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	private final Set<String> said = ConcurrentHashMap.newKeySet();

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		say(test, reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			say(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
		}
	}

	private void say(TestIdentifier test, String reason) {
		String owner = test.getSource()
			.map((source) -> (source instanceof MethodSource method) ? method.getClassName()
					: (source instanceof ClassSource type) ? type.getClassName() : test.getDisplayName())
			.orElse(test.getDisplayName());
		if (this.said.add(owner + "\n" + reason)) {
			CONSOLE.println("[WARNING] Skipped " + owner.substring(owner.lastIndexOf('.') + 1) + ": " + reason);
		}
	}

}
