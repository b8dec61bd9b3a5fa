package dev.nexios.spring.test;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import dev.nexios.spring.test.ConformanceCell.Result;
import dev.nexios.spring.test.ConformanceMatrix.Probe;

import org.springframework.test.web.servlet.MockMvc;

import org.jspecify.annotations.Nullable;

/**
 * Checks that an application does what its OpenAPI document says about security, operation by
 * operation and request by request.
 * <p>
 * It reads the document the application serves ({@code /v3/api-docs} by default), and for every
 * operation and every security requirement alternative in it sends requests: without credentials,
 * with credentials meeting exactly one alternative, with one scheme of an alternative left out, with
 * one required scope withheld, with a garbled credential per scheme. Each answer is compared with the
 * document's promise: public operations never answer 401/403; a request meeting no alternative gets
 * 401; an authenticated request lacking a required scope gets 403; a request meeting an alternative
 * gets neither 401 nor 403. The expected status follows from the valid credentials actually sent: if
 * they happen to meet another alternative, neither 401 nor 403; if they present every scheme of some
 * alternative but lack a scope, 403. A garbled credential gets 401, also under optional security.
 * <pre class="code">
 * NexiosConformance.forMockMvc(mockMvc)
 *     .credentials("bearerAuth", Credentials.jwt(rsaKey, "https://issuer.example"))
 *     .credentials("apiKeyAuth", Credentials.apiKey("test-key", Set.of("admin")))
 *     .pathVariable("id", "42")
 *     .report(Path.of("target/nexios-conformance.md"))
 *     .verify();
 * </pre>
 * A credential is presented to every scheme that reads where it travels (one bearer token to
 * {@code bearerAuth}, {@code oauth2} and an {@code openIdConnect} scheme alike) and authenticates those
 * that share its verifier ({@link #sharedVerifier(String...)}); the expectation is computed from that.
 * Requests that cannot be built (no credentials for a scheme, a scope the credentials cannot grant, two
 * schemes that need the same header and share no verifier), and requests whose answer the document
 * does not decide (under optional security, a credential that authenticates but meets no alternative),
 * are reported as skipped with the reason, never as passed; a request that security let through but
 * that the operation refused (400, 404, ...) as not exercised.
 * <p>
 * Instances are mutable builders, meant for one test.
 */
public final class NexiosConformance {

	private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "cookie", "content-type", "accept",
			"content-length", "host");

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private final Transport transport;

	private String apiDocsPath = "/v3/api-docs";

	private Credential apiDocsCredential = new Credential("", Map.of(), Map.of(), Map.of());

	private final Map<String, Credentials> credentials = new LinkedHashMap<>();

	private final Map<String, String> parameterValues = new LinkedHashMap<>();

	private final Map<String, String> requestBodies = new LinkedHashMap<>();

	private final Map<String, String> skipped = new LinkedHashMap<>();

	private final Map<String, Object> verifiers = new LinkedHashMap<>();

	private final List<Path> reports = new ArrayList<>();

	private Path documentFile;

	private URI documentUrl;

	private int concurrency;

	private int maxRequests = Integer.MAX_VALUE;

	private PrintStream progress = System.out;

	private Duration progressInterval = Duration.ofSeconds(10);

	private NexiosConformance(Transport transport, int concurrency) {
		this.transport = transport;
		this.concurrency = concurrency;
	}

	/**
	 * A check that sends its requests through MockMvc. Build the MockMvc with the application's filters
	 * (Spring Security), e.g. with {@code @AutoConfigureMockMvc} or
	 * {@code MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())}.
	 * @param mockMvc the MockMvc of the application under test
	 * @return a new check
	 */
	public static NexiosConformance forMockMvc(MockMvc mockMvc) {
		return new NexiosConformance(new MockMvcTransport(mockMvc), 1);
	}

	/**
	 * A check that sends its requests over HTTP (JDK {@code HttpClient}) to a running application,
	 * e.g. {@code "http://localhost:" + port} in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
	 * test.
	 * @param baseUrl scheme, host, port and context path, without trailing slash
	 * @return a new check
	 */
	public static NexiosConformance forBaseUrl(String baseUrl) {
		return new NexiosConformance(new HttpClientTransport(baseUrl), 8);
	}

	/**
	 * Where the application serves its OpenAPI document as JSON; {@code /v3/api-docs} by default.
	 * @param path the path
	 * @return this check
	 */
	public NexiosConformance apiDocsPath(String path) {
		this.apiDocsPath = path;
		return this;
	}

	/**
	 * A credential to read the document with, for applications that protect it.
	 * @param credential e.g. {@code Credential.basic("docs", "secret")}
	 * @return this check
	 */
	public NexiosConformance apiDocsCredential(Credential credential) {
		this.apiDocsCredential = credential;
		return this;
	}

	/**
	 * Reads the OpenAPI document (3.0 or 3.1, JSON or YAML) from a file instead of from the application.
	 * @param file the document
	 * @return this check
	 */
	public NexiosConformance document(Path file) {
		this.documentFile = file;
		this.documentUrl = null;
		return this;
	}

	/**
	 * Reads the OpenAPI document (3.0 or 3.1, JSON or YAML) from an absolute URL instead of from
	 * {@link #apiDocsPath(String)} of the application; the {@link #apiDocsCredential(Credential)} is sent.
	 * @param url the document's URL
	 * @return this check
	 */
	public NexiosConformance documentUrl(URI url) {
		this.documentUrl = url;
		this.documentFile = null;
		return this;
	}

	/**
	 * Declares that these schemes accept the same credentials (one verifier, e.g. one JWT signing key
	 * trusted by {@code bearerAuth}, {@code oauth2} and an {@code openIdConnect} scheme): a credential
	 * minted for one of them, presented where the others read it, also authenticates them with the same
	 * scopes. Schemes given the same {@link Credentials} instance share a verifier anyway; this also
	 * joins schemes with different instances. Schemes that read the same place but share no verifier see
	 * each other's credentials as invalid.
	 * @param schemes the scheme names
	 * @return this check
	 */
	public NexiosConformance sharedVerifier(String... schemes) {
		Object verifier = new Object();
		for (String scheme : schemes) {
			Object previous = this.verifiers.get(scheme);
			if (previous != null) {
				Object joined = verifier;
				this.verifiers.replaceAll((name, value) -> (value == previous) ? joined : value);
			}
			this.verifiers.put(scheme, verifier);
		}
		return this;
	}

	/**
	 * How many requests are in flight at once: 8 by default over HTTP, 1 through MockMvc.
	 * @param requests at least 1
	 * @return this check
	 * @throws IllegalArgumentException if less than 1
	 */
	public NexiosConformance concurrency(int requests) {
		if (requests < 1) {
			throw new IllegalArgumentException("The concurrency must be at least 1, not " + requests);
		}
		this.concurrency = requests;
		return this;
	}

	/**
	 * At most this many requests are sent; the cells beyond are reported as skipped ("the request budget
	 * was used up"). Unlimited by default.
	 * @param requests at least 1
	 * @return this check
	 * @throws IllegalArgumentException if less than 1
	 */
	public NexiosConformance maxRequests(int requests) {
		if (requests < 1) {
			throw new IllegalArgumentException("The request budget must be at least 1, not " + requests);
		}
		this.maxRequests = requests;
		return this;
	}

	/**
	 * Where a progress line goes every {@code interval} while the check runs ({@code System.out} every
	 * 10 seconds by default, so short runs print nothing); {@code null} for none.
	 * @param out the stream, or {@code null}
	 * @param interval time between two lines
	 * @return this check
	 */
	public NexiosConformance progress(@Nullable PrintStream out, Duration interval) {
		this.progress = out;
		this.progressInterval = interval;
		return this;
	}

	/**
	 * How to mint credentials for a security scheme of the document.
	 * @param scheme the scheme's name under {@code components.securitySchemes}
	 * @param credentials the credentials
	 * @return this check
	 */
	public NexiosConformance credentials(String scheme, Credentials credentials) {
		this.credentials.put(scheme, credentials);
		return this;
	}

	/**
	 * A value for every path parameter of this name. Without one, the value comes from the document
	 * (example, default, first enum value, else a minimal value of the schema's type).
	 * @param name the parameter name
	 * @param value the value, not encoded
	 * @return this check
	 */
	public NexiosConformance pathVariable(String name, String value) {
		return parameter(name, value);
	}

	/**
	 * A value for every parameter of this name (path, required query, header or cookie parameters).
	 * @param name the parameter name
	 * @param value the value, not encoded
	 * @return this check
	 */
	public NexiosConformance parameter(String name, String value) {
		this.parameterValues.put(name, value);
		return this;
	}

	/**
	 * The request body for one operation, instead of the body derived from its schema.
	 * @param operation {@code "METHOD /path/{template}"} as in the document, or its {@code operationId}
	 * @param json the body, sent with the operation's media type (JSON preferred, then form-encoded;
	 * {@code application/json} when the document describes none)
	 * @return this check
	 */
	public NexiosConformance requestBody(String operation, String json) {
		this.requestBodies.put(normalize(operation), json);
		return this;
	}

	/**
	 * Leaves an operation out; it appears in the report as skipped with the reason.
	 * @param operation {@code "METHOD /path/{template}"} as in the document, or its {@code operationId}
	 * @param reason why
	 * @return this check
	 */
	public NexiosConformance skip(String operation, String reason) {
		this.skipped.put(normalize(operation), reason);
		return this;
	}

	/**
	 * Also writes the whole matrix to a file: JSON if its name ends with {@code .json}, JUnit XML if it
	 * ends with {@code .xml}, Markdown otherwise (e.g. {@code target/nexios-conformance.md}). May be
	 * called several times for several files.
	 * @param file the report file
	 * @return this check
	 */
	public NexiosConformance report(Path file) {
		this.reports.add(file);
		return this;
	}

	/**
	 * Runs the check and fails on any mismatch.
	 * @return the report
	 * @throws AssertionError with a table of mismatches (operation, check, credentials sent, expected,
	 * actual); also when the document lists no operation or no request could be checked at all
	 */
	public ConformanceReport verify() {
		ConformanceReport result = run();
		String where = this.reports.isEmpty() ? "" : System.lineSeparator() + "Full matrix: " + this.reports;
		if (result.operations().isEmpty()) {
			throw new AssertionError("The OpenAPI document at " + documentSource() + " lists no operations" + where);
		}
		if (result.passed().isEmpty() && result.mismatches().isEmpty()) {
			throw new AssertionError("No request could be checked, all were skipped: "
					+ result.skipped().stream().map(ConformanceCell::note).distinct().collect(Collectors.joining("; "))
					+ where);
		}
		if (!result.mismatches().isEmpty()) {
			throw new AssertionError("The application does not do what its OpenAPI document promises ("
					+ result.summary() + "):" + System.lineSeparator() + result.mismatchTable() + where);
		}
		return result;
	}

	/**
	 * Runs the check without failing: sends every request and returns (and, if asked, writes) the
	 * report.
	 * @return the report
	 * @throws AssertionError if the document cannot be read
	 * @throws IllegalStateException if credentials name a scheme that the document does not declare
	 */
	public ConformanceReport run() {
		long started = System.nanoTime();
		OpenAPI openApi = readDocument();
		Map<String, DocumentedScheme> schemes = new LinkedHashMap<>();
		if (openApi.getComponents() != null && openApi.getComponents().getSecuritySchemes() != null) {
			openApi.getComponents()
				.getSecuritySchemes()
				.forEach((name, scheme) -> schemes.put(name, DocumentedScheme.from(name, scheme)));
		}
		for (String name : this.credentials.keySet()) {
			if (!schemes.containsKey(name)) {
				throw new IllegalStateException("Credentials were given for " + name
						+ ", but the document declares only the security schemes " + schemes.keySet());
			}
		}
		for (String name : this.verifiers.keySet()) {
			if (!schemes.containsKey(name)) {
				throw new IllegalStateException("A shared verifier names " + name
						+ ", but the document declares only the security schemes " + schemes.keySet());
			}
		}
		// schemes given one Credentials instance share its verifier unless said otherwise; minted
		// credentials are reused for a minute, so that thousands of requests need few signatures
		Map<String, Object> verifierOf = new LinkedHashMap<>();
		Map<Credentials, Credentials> cached = new IdentityHashMap<>();
		Map<String, Credentials> sources = new LinkedHashMap<>();
		this.credentials.forEach((name, source) -> {
			verifierOf.put(name, this.verifiers.getOrDefault(name, source));
			sources.put(name, cached.computeIfAbsent(source, CachingCredentials::new));
		});
		this.verifiers.forEach(verifierOf::putIfAbsent);
		ConformanceMatrix matrix = new ConformanceMatrix(schemes, sources, verifierOf);
		ExampleValues examples = new ExampleValues(openApi);
		List<String> operations = new ArrayList<>();
		List<Callable<List<ConformanceCell>>> work = new ArrayList<>();
		AtomicInteger sent = new AtomicInteger();
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, pathItem) -> pathItem.readOperationsMap().forEach((method, operation) -> {
				String name = method.name() + " " + path;
				operations.add(name);
				String skipReason = this.skipped.getOrDefault(name, (operation.getOperationId() != null)
						? this.skipped.get(normalize(operation.getOperationId())) : null);
				if (skipReason != null) {
					work.add(() -> List.of(new ConformanceCell(name, "all", "-", null, null, Result.SKIPPED,
							"skipped by the test: " + skipReason)));
					return;
				}
				work.add(() -> {
					Transport.Call template = call(method.name(), path, pathItem, operation, examples);
					List<ConformanceCell> cells = new ArrayList<>();
					for (Probe probe : matrix.plan(requirements(openApi, operation))) {
						cells.add(send(name, template, probe, sent));
					}
					return cells;
				});
			}));
		}
		List<ConformanceCell> cells = execute(work, sent, started);
		ConformanceReport result = new ConformanceReport(this.documentSource(), operations, cells,
				Duration.ofNanos(System.nanoTime() - started));
		for (Path file : this.reports) {
			result.writeTo(file);
		}
		return result;
	}

	private List<ConformanceCell> execute(List<Callable<List<ConformanceCell>>> work, AtomicInteger sent,
			long started) {
		ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(this.concurrency, work.size())),
				(runnable) -> {
					Thread thread = new Thread(runnable, "nexios-conformance");
					thread.setDaemon(true);
					return thread;
				});
		AtomicInteger done = new AtomicInteger();
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "nexios-conformance-progress");
			thread.setDaemon(true);
			return thread;
		});
		if (this.progress != null) {
			ticker.scheduleAtFixedRate(() -> this.progress.println(String.format(Locale.ROOT,
					"nexios conformance: %d/%d operations, %d requests sent, %d s", done.get(), work.size(), sent.get(),
					Duration.ofNanos(System.nanoTime() - started).toSeconds())), this.progressInterval.toMillis(),
					this.progressInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
		try {
			List<Future<List<ConformanceCell>>> futures = new ArrayList<>();
			for (Callable<List<ConformanceCell>> task : work) {
				futures.add(executor.submit(() -> {
					try {
						return task.call();
					}
					finally {
						done.incrementAndGet();
					}
				}));
			}
			List<ConformanceCell> cells = new ArrayList<>();
			for (Future<List<ConformanceCell>> future : futures) {
				cells.addAll(future.get());
			}
			return cells;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			ticker.shutdownNow();
			executor.shutdownNow();
		}
	}

	private String documentSource() {
		if (this.documentFile != null) {
			return this.documentFile.toString();
		}
		if (this.documentUrl != null) {
			return this.documentUrl.toString();
		}
		return this.transport.target() + " " + this.apiDocsPath;
	}

	private OpenAPI readDocument() {
		String text;
		if (this.documentFile != null) {
			try {
				text = Files.readString(this.documentFile, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new AssertionError("Could not read the OpenAPI document " + this.documentFile + ": " + ex, ex);
			}
		}
		else {
			Map<String, String> headers = new LinkedHashMap<>(this.apiDocsCredential.headers());
			headers.put("Accept", "application/json, application/yaml;q=0.9, */*;q=0.8");
			String query = queryString(this.apiDocsCredential.queryParameters());
			Transport transport = (this.documentUrl != null) ? new HttpClientTransport(this.documentUrl.toString())
					: this.transport;
			String path = (this.documentUrl != null) ? "" : this.apiDocsPath;
			Transport.Response response = transport.exchange(new Transport.Call("GET", path + query, headers,
					this.apiDocsCredential.cookies(), null, null));
			if (response.status() != 200) {
				throw new AssertionError("Could not read the OpenAPI document at " + documentSource() + ": "
						+ ((response.status() > 0) ? "status " + response.status() : response.note()));
			}
			text = response.body();
		}
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
		if (parsed.getOpenAPI() == null || parsed.getOpenAPI().getOpenapi() == null) {
			throw new AssertionError("The document at " + documentSource() + " is not an OpenAPI 3 document: "
					+ parsed.getMessages());
		}
		return parsed.getOpenAPI();
	}

	/**
	 * The operation's security requirement alternatives: its own {@code security}, else the root
	 * {@code security}, else none (public). OpenAPI 3.1 §4.8.10 and §4.8.1. An OpenAPI 3.0 document
	 * cannot carry scopes of schemes other than {@code oauth2}/{@code openIdConnect}; where the document
	 * carries them in the {@code x-nexios-security} extension (as the starter writes it), that wins.
	 */
	private static List<Map<String, List<String>>> requirements(OpenAPI openApi, Operation operation) {
		boolean own = operation.getSecurity() != null;
		Object extension = own ? extension(operation.getExtensions()) : extension(openApi.getExtensions());
		if (extension instanceof List<?> alternatives) {
			List<Map<String, List<String>>> result = new ArrayList<>();
			for (Object alternative : alternatives) {
				Map<String, List<String>> requirement = new LinkedHashMap<>();
				if (alternative instanceof Map<?, ?> schemes) {
					schemes.forEach((scheme, scopes) -> requirement.put(String.valueOf(scheme), (scopes instanceof List<?> list)
							? list.stream().map(String::valueOf).toList() : List.of()));
				}
				result.add(requirement);
			}
			return result;
		}
		List<SecurityRequirement> requirements = own ? operation.getSecurity() : openApi.getSecurity();
		List<Map<String, List<String>>> result = new ArrayList<>();
		if (requirements != null) {
			requirements.forEach((requirement) -> result.add(new LinkedHashMap<>(requirement)));
		}
		return result;
	}

	private static Object extension(Map<String, Object> extensions) {
		return (extensions != null) ? extensions.get("x-nexios-security") : null;
	}

	private Transport.Call call(String method, String path, PathItem pathItem, Operation operation,
			ExampleValues examples) {
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		List<Parameter> declared = new ArrayList<>();
		if (pathItem.getParameters() != null) {
			declared.addAll(pathItem.getParameters());
		}
		if (operation.getParameters() != null) {
			declared.addAll(operation.getParameters());
		}
		for (Parameter parameter : declared) {
			Parameter resolved = examples.resolve(parameter);
			parameters.put(resolved.getIn() + ":" + resolved.getName(), resolved);
		}
		String expanded = path;
		Map<String, String> query = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, String> cookies = new LinkedHashMap<>();
		for (Parameter parameter : parameters.values()) {
			String name = parameter.getName();
			String value = this.parameterValues.containsKey(name) ? this.parameterValues.get(name)
					: examples.parameterValue(parameter);
			boolean required = Boolean.TRUE.equals(parameter.getRequired()) || this.parameterValues.containsKey(name);
			switch (String.valueOf(parameter.getIn())) {
				case "path" -> expanded = expanded.replace("{" + name + "}", encode(value));
				case "query" -> {
					if (required) {
						query.put(name, value);
					}
				}
				case "header" -> {
					if (required && !RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
						headers.put(name, value);
					}
				}
				case "cookie" -> {
					if (required) {
						cookies.put(name, value);
					}
				}
				default -> {
				}
			}
		}
		// template variables the document does not declare as parameters
		Matcher undeclared = TEMPLATE_VARIABLE.matcher(expanded);
		StringBuilder filled = new StringBuilder();
		while (undeclared.find()) {
			undeclared.appendReplacement(filled,
					Matcher.quoteReplacement(encode(this.parameterValues.getOrDefault(undeclared.group(1), "1"))));
		}
		undeclared.appendTail(filled);
		expanded = filled.toString();
		String contentType = null;
		String body = null;
		Map.Entry<String, String> derived = examples.requestBody(operation.getRequestBody());
		String supplied = this.requestBodies.getOrDefault(method + " " + path,
				(operation.getOperationId() != null) ? this.requestBodies.get(normalize(operation.getOperationId())) : null);
		if (supplied != null) {
			contentType = (derived != null) ? derived.getKey() : "application/json";
			body = supplied;
		}
		else if (derived != null) {
			contentType = derived.getKey();
			body = derived.getValue();
		}
		return new Transport.Call(method, expanded + queryString(query), headers, cookies, contentType, body);
	}

	private ConformanceCell send(String operation, Transport.Call template, Probe probe, AtomicInteger sent) {
		if (probe.skipReason() != null) {
			return new ConformanceCell(operation, probe.check(), probe.credentials(), null, null, Result.SKIPPED,
					probe.skipReason());
		}
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(template.headers());
		Map<String, String> cookies = new LinkedHashMap<>(template.cookies());
		Map<String, String> query = new LinkedHashMap<>();
		for (Credential credential : probe.sent()) {
			String clash = clash(headers, credential.headers(), "header");
			clash = (clash != null) ? clash : clash(cookies, credential.cookies(), "cookie");
			clash = (clash != null) ? clash : clash(query, credential.queryParameters(), "query parameter");
			if (clash != null) {
				return new ConformanceCell(operation, probe.check(), probe.credentials(), null, null, Result.SKIPPED,
						"two credentials, or a credential and a parameter of the operation, need the same " + clash
								+ "; one request cannot carry both");
			}
			headers.putAll(credential.headers());
			cookies.putAll(credential.cookies());
			query.putAll(credential.queryParameters());
		}
		if (sent.incrementAndGet() > this.maxRequests) {
			return new ConformanceCell(operation, probe.check(), probe.credentials(), probe.expected(), null,
					Result.SKIPPED, "the request budget of " + this.maxRequests + " requests was used up");
		}
		String pathAndQuery = template.pathAndQuery();
		if (!query.isEmpty()) {
			String extra = queryString(query);
			pathAndQuery = pathAndQuery.contains("?") ? pathAndQuery + "&" + extra.substring(1) : pathAndQuery + extra;
		}
		Transport.Response response = this.transport.exchange(new Transport.Call(template.method(), pathAndQuery,
				headers, cookies, template.contentType(), template.body()));
		if (response.status() <= 0) {
			return new ConformanceCell(operation, probe.check(), probe.credentials(), probe.expected(), null,
					Result.SKIPPED, "no answer: " + response.note());
		}
		boolean met = probe.expected().isMetBy(response.status());
		String note = response.note();
		Result result = met ? Result.PASSED : Result.MISMATCH;
		if (met && probe.expected().notExercisedBy(response.status())) {
			result = Result.NOT_EXERCISED;
			note = "status " + response.status() + ": security let the request through, but it did not reach the"
					+ " operation (check the parameters and body the document describes, or give them with"
					+ " .parameter(..) / .requestBody(..))";
		}
		return new ConformanceCell(operation, probe.check(), probe.credentials(), probe.expected(), response.status(),
				result, note);
	}

	private static String clash(Map<String, String> present, Map<String, String> added, String kind) {
		for (String name : added.keySet()) {
			if (present.containsKey(name)) {
				return kind + " " + name;
			}
		}
		return null;
	}

	private static String queryString(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		return query.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&", "?", ""));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String normalize(String operation) {
		int space = operation.indexOf(' ');
		return (space > 0) ? operation.substring(0, space).toUpperCase(Locale.ROOT) + operation.substring(space)
				: operation;
	}

}
