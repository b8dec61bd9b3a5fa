package dev.nexios.spring.web.servlet;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures everything written to standard output and standard error while a test class runs — the
 * console log, with the start of its Spring context, stack traces included — and fails the class when
 * any secret of {@link TestSecrets} appears in it.
 *
 * <p>It tees {@link System#out} and {@link System#err} rather than adding a Logback appender, because
 * Spring Boot resets Logback when the first application context starts, which would silently detach an
 * appender added before. Registered for every test class of this module through JUnit's extension
 * auto-detection ({@code junit-platform.properties}).
 */
public class NoSecretsInLogs implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSecretsInLogs.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, new Capture());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
		String output = capture.stop();
		assertThat(leaks(output.lines().toList())).as("secrets found in the output of " + context.getDisplayName())
			.isEmpty();
	}

	/**
	 * The secrets that appear in log lines.
	 */
	static List<String> leaks(List<String> lines) {
		List<String> leaks = new ArrayList<>();
		for (String secret : TestSecrets.all()) {
			for (String line : lines) {
				if (line.contains(secret)) {
					// name the secret by its length only, so that the failure report leaks nothing either
					leaks.add("a secret of " + secret.length() + " characters in: "
							+ line.substring(0, Math.min(line.length(), 80)).replace(secret, "***"));
				}
			}
		}
		return leaks;
	}

	/**
	 * Tees standard output and error into a buffer until stopped.
	 */
	private static final class Capture {

		private final PrintStream out = System.out;

		private final PrintStream err = System.err;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		Capture() {
			System.setOut(tee(this.out));
			System.setErr(tee(this.err));
		}

		private PrintStream tee(PrintStream original) {
			return new PrintStream(new OutputStream() {

				@Override
				public void write(int b) {
					original.write(b);
					synchronized (Capture.this.buffer) {
						Capture.this.buffer.write(b);
					}
				}

				@Override
				public void write(byte[] b, int off, int len) {
					original.write(b, off, len);
					synchronized (Capture.this.buffer) {
						Capture.this.buffer.write(b, off, len);
					}
				}

				@Override
				public void flush() {
					original.flush();
				}

			}, true, StandardCharsets.UTF_8);
		}

		String stop() {
			System.setOut(this.out);
			System.setErr(this.err);
			synchronized (this.buffer) {
				return this.buffer.toString(StandardCharsets.UTF_8);
			}
		}

	}

}
