package dev.nexios.spring.sample.webflux;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class when anything it wrote to standard output or standard error — the console log,
 * Spring's startup and stack traces included — contains a demo password, a demo API key, or a JWT.
 *
 * <p>It tees {@link System#out} and {@link System#err}: Spring Boot resets Logback when the first
 * application context starts, which would detach an appender added before. Registered for every test
 * class of the sample through JUnit's extension auto-detection ({@code junit-platform.properties}).
 */
public class NoSecretsInOutput implements BeforeAllCallback, AfterAllCallback {

	/** The demo credentials of application.yml and the README. */
	static final List<String> SECRETS = List.of("alice-password", "bob-password", "admin-password", "demo-admin-key",
			"demo-reports-key", "demo-session-id");

	/** A compact JWS (RFC 7515 §7.1) whose header and payload are JSON objects. */
	static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoSecretsInOutput.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, new Capture());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		String output = context.getStore(NAMESPACE).remove(Capture.class, Capture.class).stop();
		assertThat(leaks(output)).as("secrets found in the output of " + context.getDisplayName()).isEmpty();
	}

	/**
	 * Where secrets appear, without repeating them.
	 */
	static List<String> leaks(String output) {
		List<String> leaks = new ArrayList<>();
		output.lines().forEach((line) -> {
			SECRETS.stream().filter(line::contains).forEach((secret) -> leaks.add("a demo secret in: " + redact(line)));
			Matcher jwt = JWT.matcher(line);
			if (jwt.find()) {
				leaks.add("a JWT in: " + redact(line));
			}
		});
		return leaks;
	}

	private static String redact(String line) {
		String redacted = JWT.matcher(line).replaceAll("***");
		for (String secret : SECRETS) {
			redacted = redacted.replace(secret, "***");
		}
		return redacted.substring(0, Math.min(redacted.length(), 100));
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
