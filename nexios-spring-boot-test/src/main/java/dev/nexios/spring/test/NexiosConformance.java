package dev.nexios.spring.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Requests that cannot be built (no credentials for a scheme, a scope the credentials cannot grant, two
 * schemes that need the same header), and requests whose answer the document does not decide (a
 * garbled credential beside valid ones that meet another alternative; under optional security, valid
 * credentials that meet no alternative), are reported as skipped with the reason, never as passed.
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

	private Path report;

	private NexiosConformance(Transport transport) {
		this.transport = transport;
	}

	/**
	 * A check that sends its requests through MockMvc. Build the MockMvc with the application's filters
	 * (Spring Security), e.g. with {@code @AutoConfigureMockMvc} or
	 * {@code MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())}.
	 * @param mockMvc the MockMvc of the application under test
	 * @return a new check
	 */
	public static NexiosConformance forMockMvc(MockMvc mockMvc) {
		return new NexiosConformance(new MockMvcTransport(mockMvc));
	}

	/**
	 * A check that sends its requests over HTTP (JDK {@code HttpClient}) to a running application,
	 * e.g. {@code "http://localhost:" + port} in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
	 * test.
	 * @param baseUrl scheme, host, port and context path, without trailing slash
	 * @return a new check
	 */
	public static NexiosConformance forBaseUrl(String baseUrl) {
		return new NexiosConformance(new HttpClientTransport(baseUrl));
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
	 * The request body for one operation, instead of the minimal body derived from its schema.
	 * @param operation {@code "METHOD /path/{template}"} as in the document, or its {@code operationId}
	 * @param json the body, sent with the operation's JSON media type
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
	 * Also writes the whole matrix to a file: JSON if its name ends with {@code .json}, Markdown
	 * otherwise (e.g. {@code target/nexios-conformance.md}).
	 * @param file the report file
	 * @return this check
	 */
	public NexiosConformance report(Path file) {
		this.report = file;
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
		String where = (this.report != null) ? System.lineSeparator() + "Full matrix: " + this.report : "";
		if (result.operations().isEmpty()) {
			throw new AssertionError("The OpenAPI document at " + this.apiDocsPath + " lists no operations" + where);
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
		ConformanceMatrix matrix = new ConformanceMatrix(schemes, this.credentials);
		ExampleValues examples = new ExampleValues(openApi);
		List<String> operations = new ArrayList<>();
		List<ConformanceCell> cells = new ArrayList<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, pathItem) -> pathItem.readOperationsMap().forEach((method, operation) -> {
				String name = method.name() + " " + path;
				operations.add(name);
				String skipReason = this.skipped.getOrDefault(name, (operation.getOperationId() != null)
						? this.skipped.get(normalize(operation.getOperationId())) : null);
				if (skipReason != null) {
					cells.add(new ConformanceCell(name, "all", "-", null, null, Result.SKIPPED,
							"skipped by the test: " + skipReason));
					return;
				}
				Transport.Call template = call(method.name(), path, pathItem, operation, examples);
				for (Probe probe : matrix.plan(requirements(openApi, operation))) {
					cells.add(send(name, template, probe));
				}
			}));
		}
		ConformanceReport result = new ConformanceReport(this.transport.target() + " " + this.apiDocsPath, operations,
				cells);
		if (this.report != null) {
			result.writeTo(this.report);
		}
		return result;
	}

	private OpenAPI readDocument() {
		Map<String, String> headers = new LinkedHashMap<>(this.apiDocsCredential.headers());
		headers.put("Accept", "application/json");
		String query = queryString(this.apiDocsCredential.queryParameters());
		Transport.Response response = this.transport.exchange(new Transport.Call("GET", this.apiDocsPath + query,
				headers, this.apiDocsCredential.cookies(), null, null));
		if (response.status() != 200) {
			throw new AssertionError("Could not read the OpenAPI document at " + this.apiDocsPath + ": status "
					+ response.status());
		}
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
		if (parsed.getOpenAPI() == null) {
			throw new AssertionError("The document at " + this.apiDocsPath + " is not an OpenAPI document: "
					+ parsed.getMessages());
		}
		return parsed.getOpenAPI();
	}

	/**
	 * The operation's security requirement alternatives: its own {@code security}, else the root
	 * {@code security}, else none (public). OpenAPI 3.1 §4.8.10 and §4.8.1.
	 */
	private static List<Map<String, List<String>>> requirements(OpenAPI openApi, Operation operation) {
		List<SecurityRequirement> requirements = (operation.getSecurity() != null) ? operation.getSecurity()
				: openApi.getSecurity();
		List<Map<String, List<String>>> result = new ArrayList<>();
		if (requirements != null) {
			requirements.forEach((requirement) -> result.add(new LinkedHashMap<>(requirement)));
		}
		return result;
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
			contentType = (derived != null && derived.getKey().contains("json")) ? derived.getKey() : "application/json";
			body = supplied;
		}
		else if (derived != null) {
			contentType = derived.getKey();
			body = derived.getValue();
		}
		return new Transport.Call(method, expanded + queryString(query), headers, cookies, contentType, body);
	}

	private ConformanceCell send(String operation, Transport.Call template, Probe probe) {
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
						"two credentials need the same " + clash + "; one request cannot carry both");
			}
			headers.putAll(credential.headers());
			cookies.putAll(credential.cookies());
			query.putAll(credential.queryParameters());
		}
		String pathAndQuery = template.pathAndQuery();
		if (!query.isEmpty()) {
			String extra = queryString(query);
			pathAndQuery = pathAndQuery.contains("?") ? pathAndQuery + "&" + extra.substring(1) : pathAndQuery + extra;
		}
		Transport.Response response = this.transport.exchange(new Transport.Call(template.method(), pathAndQuery,
				headers, cookies, template.contentType(), template.body()));
		boolean met = probe.expected().isMetBy(response.status());
		String note = response.note();
		if (met && probe.expected() == Expectation.NOT_REJECTED && (response.status() == 404 || response.status() == 405)) {
			note = "status " + response.status() + ": the request may not have reached the operation";
		}
		return new ConformanceCell(operation, probe.check(), probe.credentials(), probe.expected(), response.status(),
				met ? Result.PASSED : Result.MISMATCH, note);
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
