package dev.nexios.spring.test;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The conformance check as a command: verifies any HTTP API, whatever serves it, against its OpenAPI
 * 3.0/3.1 document, with credentials from a file ({@link CredentialsFile}).
 * <pre>
 * java -jar nexios-spring-boot-test-&lt;version&gt;-cli.jar \
 *     --base-url http://localhost:8080 \
 *     [--openapi http://localhost:8080/v3/api-docs | --openapi openapi.yaml] \
 *     [--credentials conformance-credentials.yml] [--reports target/nexios-conformance] \
 *     [--concurrency 8] [--max-requests 20000] [--progress-seconds 10]
 * </pre>
 * It prints a summary, the mismatches as a table and the skipped requests by reason, and writes
 * {@code conformance.md}, {@code conformance.json} and {@code conformance-junit.xml} into the reports
 * directory. Exit codes: {@value #OK} every request kept the document's promise; {@value #MISMATCH} at
 * least one mismatch; {@value #USAGE} a usage error (unknown or missing option, an unreadable or invalid
 * credentials file); {@value #NOT_CHECKED} the check could not run (document unreadable, no operation,
 * nothing could be checked).
 */
public final class NexiosConformanceCommand {

	/** Exit code: no mismatch. */
	public static final int OK = 0;

	/** Exit code: at least one request broke the document's promise. */
	public static final int MISMATCH = 1;

	/** Exit code: the command line or the credentials file is wrong. */
	public static final int USAGE = 2;

	/** Exit code: the check could not run or checked nothing. */
	public static final int NOT_CHECKED = 3;

	static final String USAGE_TEXT = """
			Usage: nexios-conformance --base-url URL [options]
			  --base-url URL          the API: scheme, host, port and context path (required)
			  --openapi URL|FILE      its OpenAPI 3.0/3.1 document, JSON or YAML (default: <base-url>/v3/api-docs)
			  --credentials FILE      credentials per security scheme, YAML or JSON (see the README)
			  --reports DIR           where conformance.md, conformance.json and conformance-junit.xml go
			                          (default: nexios-conformance)
			  --concurrency N         requests in flight at once (default: 8)
			  --max-requests N        request budget; cells beyond it are skipped (default: unlimited)
			  --progress-seconds N    a progress line every N seconds, 0 for none (default: 10)
			  --help                  this text
			Exit codes: 0 no mismatch, 1 mismatch, 2 usage error, 3 could not check.
			""";

	private NexiosConformanceCommand() {
	}

	/**
	 * Runs the command and exits the JVM with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		// swagger-parser logs through SLF4J; the command has no logging backend and needs no notice of it
		System.setProperty("slf4j.internal.verbosity", "ERROR");
		System.exit(run(args, System.out, System.err, System::getenv));
	}

	/**
	 * Runs the command without exiting: what {@link #main(String[])} does, for tests and embedding.
	 * @param args the command line
	 * @param out where the summary and tables go
	 * @param err where usage errors and progress go
	 * @param environment reads environment variables ({@code *-env} fields of the credentials file)
	 * @return the exit code: {@link #OK}, {@link #MISMATCH}, {@link #USAGE} or {@link #NOT_CHECKED}
	 */
	public static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("nexios-conformance: " + ex.getMessage());
			err.print(USAGE_TEXT);
			return USAGE;
		}
		if (options.help) {
			out.print(USAGE_TEXT);
			return OK;
		}
		NexiosConformance conformance = NexiosConformance.forBaseUrl(options.baseUrl).concurrency(options.concurrency);
		if (options.maxRequests > 0) {
			conformance.maxRequests(options.maxRequests);
		}
		conformance.progress((options.progressSeconds > 0) ? err : null,
				Duration.ofSeconds(Math.max(1, options.progressSeconds)));
		if (options.openApi != null) {
			String location = options.openApi;
			if (location.startsWith("http://") || location.startsWith("https://")) {
				conformance.documentUrl(URI.create(location));
			}
			else {
				Path file = Path.of(location);
				if (!Files.isReadable(file)) {
					err.println("nexios-conformance: --openapi " + location + " is neither an http(s) URL nor a readable file");
					return USAGE;
				}
				conformance.document(file);
			}
		}
		try {
			if (options.credentials != null) {
				CredentialsFile.read(Path.of(options.credentials), environment).applyTo(conformance);
			}
		}
		catch (IllegalArgumentException ex) {
			err.println("nexios-conformance: " + ex.getMessage());
			return USAGE;
		}
		Path reports = Path.of(options.reports);
		conformance.report(reports.resolve("conformance.md"))
			.report(reports.resolve("conformance.json"))
			.report(reports.resolve("conformance-junit.xml"));
		ConformanceReport report;
		try {
			report = conformance.run();
		}
		catch (IllegalStateException ex) {
			// credentials for a scheme the document does not declare: the file is wrong
			err.println("nexios-conformance: " + ex.getMessage());
			return USAGE;
		}
		catch (AssertionError ex) {
			err.println("nexios-conformance: " + ex.getMessage());
			return NOT_CHECKED;
		}
		out.print(report.toConsole());
		out.println("Reports: " + reports.resolve("conformance.md") + ", " + reports.resolve("conformance.json") + ", "
				+ reports.resolve("conformance-junit.xml"));
		if (!report.mismatches().isEmpty()) {
			return MISMATCH;
		}
		if (report.operations().isEmpty() || (report.passed().isEmpty())) {
			err.println("nexios-conformance: nothing was checked ("
					+ (report.operations().isEmpty() ? "the document lists no operation" : "every request was skipped or not exercised")
					+ ")");
			return NOT_CHECKED;
		}
		return OK;
	}

	private static final class Options {

		String baseUrl;

		String openApi;

		String credentials;

		String reports = "nexios-conformance";

		int concurrency = 8;

		int maxRequests;

		int progressSeconds = 10;

		boolean help;

		static Options parse(String[] args) {
			Options options = new Options();
			List<String> rest = new ArrayList<>(List.of(args));
			while (!rest.isEmpty()) {
				String arg = rest.remove(0);
				String value = null;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					value = arg.substring(equals + 1);
					arg = arg.substring(0, equals);
				}
				if (arg.equals("--help") || arg.equals("-h")) {
					options.help = true;
					continue;
				}
				if (value == null) {
					if (rest.isEmpty()) {
						throw new IllegalArgumentException(arg + " needs a value");
					}
					value = rest.remove(0);
				}
				switch (arg.toLowerCase(Locale.ROOT)) {
					case "--base-url" -> options.baseUrl = value;
					case "--openapi" -> options.openApi = value;
					case "--credentials" -> options.credentials = value;
					case "--reports" -> options.reports = value;
					case "--concurrency" -> options.concurrency = positive(arg, value, 1);
					case "--max-requests" -> options.maxRequests = positive(arg, value, 1);
					case "--progress-seconds" -> options.progressSeconds = positive(arg, value, 0);
					default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			if (options.help) {
				return options;
			}
			if (options.baseUrl == null) {
				throw new IllegalArgumentException("--base-url is required");
			}
			if (!options.baseUrl.startsWith("http://") && !options.baseUrl.startsWith("https://")) {
				throw new IllegalArgumentException("--base-url must be an http(s) URL, not " + options.baseUrl);
			}
			return options;
		}

		private static int positive(String option, String value, int minimum) {
			try {
				int number = Integer.parseInt(value);
				if (number >= minimum) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(option + " needs a whole number of at least " + minimum + ", not " + value);
		}

	}

}
