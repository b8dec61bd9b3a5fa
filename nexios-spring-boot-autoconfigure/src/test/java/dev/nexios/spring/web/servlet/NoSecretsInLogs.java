package dev.nexios.spring.web.servlet;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log event (message, arguments, exceptions) while a test class runs, including the
 * start of its Spring context, and fails the class when any secret of {@link TestSecrets} appears in
 * them.
 */
class NoSecretsInLogs implements BeforeAllCallback, AfterAllCallback {

	private static final String KEY = "appender";

	@Override
	public void beforeAll(ExtensionContext context) {
		CapturingAppender appender = new CapturingAppender();
		appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		appender.start();
		root().addAppender(appender);
		context.getStore(ExtensionContext.Namespace.create(NoSecretsInLogs.class)).put(KEY, appender);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		CapturingAppender appender = context.getStore(ExtensionContext.Namespace.create(NoSecretsInLogs.class))
			.remove(KEY, CapturingAppender.class);
		root().detachAppender(appender);
		appender.stop();
		assertThat(leaks(appender.lines())).as("secrets found in the log lines of " + context.getDisplayName())
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

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	static final class CapturingAppender extends AppenderBase<ILoggingEvent> {

		private final List<String> lines = new ArrayList<>();

		@Override
		protected synchronized void append(ILoggingEvent event) {
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
			if (event.getArgumentArray() != null) {
				for (Object argument : event.getArgumentArray()) {
					line.append(' ').append(argument);
				}
			}
			for (IThrowableProxy throwable = event.getThrowableProxy(); throwable != null; throwable = throwable.getCause()) {
				line.append(' ').append(throwable.getClassName()).append(": ").append(throwable.getMessage());
				for (StackTraceElementProxy element : throwable.getStackTraceElementProxyArray()) {
					line.append(' ').append(element.getSTEAsString());
				}
			}
			this.lines.add(line.toString());
		}

		synchronized List<String> lines() {
			return List.copyOf(this.lines);
		}

	}

}
