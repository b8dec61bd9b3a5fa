package dev.nexios.spring.openapi;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Writes the document-level part of the security declaration into every springdoc document (every
 * group): {@code components.securitySchemes} (OpenAPI 3.1 §4.8.7) with exactly the declared schemes,
 * the root {@code security} (§4.8.1) with the default requirements, and the RFC 9457 problem details
 * schema that the documented 401/403 responses refer to.
 *
 * <p>Root-relative OAuth 2.0 flow URLs and OpenID Connect Discovery URLs ({@code /auth/token}) are
 * paths of the application, like the document's paths: they are written below the path of
 * {@code servers[0]} ({@code /gw/ctx/auth/token} behind a proxy that forwards {@code /gw} to the
 * context path {@code /ctx}), because Swagger UI resolves them against the origin of the selected
 * server, which would drop the proxy prefix and the context path. springdoc caches the document and
 * sets {@code servers} per request (forwarded headers, {@code ServerBaseUrlCustomizer}s), so the
 * prefix is read when the document is written, from the {@code servers} written with it. Without a
 * plain server URL (none, or one with variables) the servlet context path is the prefix. Absolute
 * URLs are written as declared.
 *
 * <p>In an OpenAPI 3.0 document, scopes required of schemes other than {@code oauth2} and
 * {@code openIdConnect}, which 3.0 does not allow in {@code security}, are moved to the extension
 * {@value #SECURITY_EXTENSION} and to a sentence of the operation description.
 *
 * <p>Reads only the {@link NexiosSecurityModel}.
 */
public class NexiosOpenApiCustomizer implements GlobalOpenApiCustomizer {

	/** Name of the problem details schema under {@code components.schemas}. */
	public static final String PROBLEM_DETAIL_SCHEMA = "ProblemDetail";

	/**
	 * Extension that carries, in an OpenAPI 3.0 document, the security requirements with the scopes of
	 * schemes other than {@code oauth2} and {@code openIdConnect}, which 3.0 does not allow in
	 * {@code security}: on the operation, or at the root for the root {@code security}.
	 */
	public static final String SECURITY_EXTENSION = "x-nexios-security";

	static final String PROBLEM_DETAIL_REF = "#/components/schemas/" + PROBLEM_DETAIL_SCHEMA;

	/** Text without control characters (a single line), as an ECMA-262 and Java regular expression. */
	private static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F]*$";

	private static final int URI_MAX_LENGTH = 2048;

	private final NexiosSecurityModel model;

	private final Supplier<String> contextPath;

	/**
	 * Creates the customizer.
	 * @param model the resolved security declaration
	 * @param contextPath supplies the servlet context path ({@code ""} for the root context, otherwise
	 * starting with {@code /}); the prefix of root-relative URLs when the document has no server with a
	 * plain URL, read when the document is written
	 */
	public NexiosOpenApiCustomizer(NexiosSecurityModel model, Supplier<String> contextPath) {
		this.model = model;
		this.contextPath = contextPath;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Supplier<String> base = () -> basePath(openApi.getServers(),
				Objects.requireNonNullElse(this.contextPath.get(), ""));
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(components);
		Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
		this.model.schemes().forEach((name, definition) -> schemes.put(name, belowServer(definition.toOpenApi(), base)));
		components.setSecuritySchemes(schemes.isEmpty() ? null : schemes);
		List<SecurityRequirement> defaults = this.model.defaultRequirements();
		openApi.setSecurity(defaults.isEmpty() ? null : NexiosOperationCustomizer.toOpenApi(defaults));
		if (openApi.getSpecVersion() != SpecVersion.V31) {
			moveScopesOpenApi30CannotShow(openApi, schemes);
		}
		if (refersToProblemDetail(openApi) && (components.getSchemas() == null
				|| !components.getSchemas().containsKey(PROBLEM_DETAIL_SCHEMA))) {
			components.addSchemas(PROBLEM_DETAIL_SCHEMA, problemDetail(openApi.getSpecVersion()));
		}
	}

	/**
	 * OpenAPI 3.0 (§4.7.30) requires the list of a requirement to be empty unless the scheme is
	 * {@code oauth2} or {@code openIdConnect}; 3.1 allows roles there. In a 3.0 document such scopes are
	 * therefore removed from {@code security} (root and operations) and shown in the extension
	 * {@value #SECURITY_EXTENSION} next to it (the requirements as 3.1 writes them) and in a sentence of
	 * the description of each operation they apply to. Enforcement is unchanged.
	 */
	private static void moveScopesOpenApi30CannotShow(OpenAPI openApi, Map<String, SecurityScheme> schemes) {
		String rootSentence = null;
		if (scopesOpenApi30CannotShow(openApi.getSecurity(), schemes)) {
			openApi.addExtension(SECURITY_EXTENSION, copy(openApi.getSecurity()));
			rootSentence = scopesSentence(openApi.getSecurity(), schemes);
			clearScopes(openApi.getSecurity(), schemes);
		}
		if (openApi.getPaths() == null) {
			return;
		}
		for (PathItem path : openApi.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				String sentence = rootSentence;
				if (operation.getSecurity() != null) {
					sentence = null;
					if (scopesOpenApi30CannotShow(operation.getSecurity(), schemes)) {
						operation.addExtension(SECURITY_EXTENSION, copy(operation.getSecurity()));
						sentence = scopesSentence(operation.getSecurity(), schemes);
						clearScopes(operation.getSecurity(), schemes);
					}
				}
				if (sentence != null && (operation.getDescription() == null || !operation.getDescription().contains(sentence))) {
					operation.setDescription((operation.getDescription() != null && !operation.getDescription().isBlank())
							? operation.getDescription() + "\n\n" + sentence : sentence);
				}
			}
		}
	}

	private static boolean scopesOpenApi30CannotShow(List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements,
			Map<String, SecurityScheme> schemes) {
		return requirements != null && requirements.stream()
			.flatMap((requirement) -> requirement.entrySet().stream())
			.anyMatch((entry) -> !mayListScopes(schemes.get(entry.getKey())) && !entry.getValue().isEmpty());
	}

	/** Whether OpenAPI 3.0 allows scopes in a requirement of the scheme. */
	private static boolean mayListScopes(SecurityScheme scheme) {
		return scheme != null && (scheme.getType() == SecurityScheme.Type.OAUTH2
				|| scheme.getType() == SecurityScheme.Type.OPENIDCONNECT);
	}

	private static List<Map<String, List<String>>> copy(List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements) {
		return requirements.stream().map((requirement) -> {
			Map<String, List<String>> result = new LinkedHashMap<>();
			requirement.forEach((name, scopes) -> result.put(name, List.copyOf(scopes)));
			return result;
		}).toList();
	}

	private static String scopesSentence(List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements,
			Map<String, SecurityScheme> schemes) {
		StringJoiner alternatives = new StringJoiner("; or ");
		for (io.swagger.v3.oas.models.security.SecurityRequirement requirement : requirements) {
			StringJoiner entries = new StringJoiner(" and ");
			requirement.forEach((name, scopes) -> {
				if (!mayListScopes(schemes.get(name)) && !scopes.isEmpty()) {
					entries.add(name + " with " + String.join(", ", scopes));
				}
			});
			if (entries.length() > 0) {
				alternatives.add(entries.toString());
			}
		}
		return "Required scopes, which OpenAPI 3.0 cannot list under security (see " + SECURITY_EXTENSION + "): "
				+ alternatives + ".";
	}

	private static void clearScopes(List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements,
			Map<String, SecurityScheme> schemes) {
		requirements.forEach((requirement) -> requirement.replaceAll(
				(name, scopes) -> mayListScopes(schemes.get(name)) ? scopes : new ArrayList<>()));
	}

	/**
	 * Makes the root-relative URLs of a scheme resolve below {@code servers[0]} of the document.
	 */
	private static SecurityScheme belowServer(SecurityScheme scheme, Supplier<String> base) {
		OAuthFlows flows = scheme.getFlows();
		if (flows != null) {
			flows.setImplicit(ServerRelativeOAuthFlow.of(flows.getImplicit(), base));
			flows.setPassword(ServerRelativeOAuthFlow.of(flows.getPassword(), base));
			flows.setClientCredentials(ServerRelativeOAuthFlow.of(flows.getClientCredentials(), base));
			flows.setAuthorizationCode(ServerRelativeOAuthFlow.of(flows.getAuthorizationCode(), base));
		}
		return isRootRelative(scheme.getOpenIdConnectUrl()) ? new ServerRelativeSecurityScheme(scheme, base) : scheme;
	}

	static boolean isRootRelative(String url) {
		return url != null && url.startsWith("/") && !url.startsWith("//");
	}

	/**
	 * The path that root-relative URLs are written below: the path of {@code servers[0]} as it is when
	 * the document is written, so that it follows the per-request server URL of springdoc (forwarded
	 * headers, context path); the context path when the document has no server with a plain URL.
	 */
	static String basePath(List<Server> servers, String contextPath) {
		String url = (servers != null && !servers.isEmpty() && servers.get(0) != null) ? servers.get(0).getUrl() : null;
		if (url == null || url.contains("{")) {
			return contextPath;
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return contextPath;
		}
		if (!uri.isAbsolute() && !isRootRelative(url)) {
			return contextPath;
		}
		String path = Objects.requireNonNullElse(uri.getRawPath(), "");
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * An OAuth 2.0 flow whose root-relative URLs are written below the document's base path; read at
	 * serialisation, since springdoc builds a document once and sets its {@code servers} per request.
	 */
	private static final class ServerRelativeOAuthFlow extends OAuthFlow {

		private final transient Supplier<String> base;

		private ServerRelativeOAuthFlow(OAuthFlow flow, Supplier<String> base) {
			this.base = base;
			setAuthorizationUrl(flow.getAuthorizationUrl());
			setTokenUrl(flow.getTokenUrl());
			setRefreshUrl(flow.getRefreshUrl());
			setScopes(flow.getScopes());
			setExtensions(flow.getExtensions());
		}

		static OAuthFlow of(OAuthFlow flow, Supplier<String> base) {
			boolean rootRelative = flow != null && (isRootRelative(flow.getAuthorizationUrl())
					|| isRootRelative(flow.getTokenUrl()) || isRootRelative(flow.getRefreshUrl()));
			return rootRelative ? new ServerRelativeOAuthFlow(flow, base) : flow;
		}

		@Override
		public String getAuthorizationUrl() {
			return belowBase(super.getAuthorizationUrl(), this.base);
		}

		@Override
		public String getTokenUrl() {
			return belowBase(super.getTokenUrl(), this.base);
		}

		@Override
		public String getRefreshUrl() {
			return belowBase(super.getRefreshUrl(), this.base);
		}

	}

	/**
	 * An OpenID Connect scheme whose root-relative {@code openIdConnectUrl} is written below the
	 * document's base path, read at serialisation.
	 */
	private static final class ServerRelativeSecurityScheme extends SecurityScheme {

		private final transient Supplier<String> base;

		private ServerRelativeSecurityScheme(SecurityScheme scheme, Supplier<String> base) {
			this.base = base;
			setType(scheme.getType());
			setDescription(scheme.getDescription());
			setName(scheme.getName());
			setIn(scheme.getIn());
			setScheme(scheme.getScheme());
			setBearerFormat(scheme.getBearerFormat());
			setFlows(scheme.getFlows());
			setOpenIdConnectUrl(scheme.getOpenIdConnectUrl());
			setExtensions(scheme.getExtensions());
		}

		@Override
		public String getOpenIdConnectUrl() {
			return belowBase(super.getOpenIdConnectUrl(), this.base);
		}

	}

	private static String belowBase(String url, Supplier<String> base) {
		return isRootRelative(url) ? base.get() + url : url;
	}

	private static boolean refersToProblemDetail(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return false;
		}
		return openApi.getPaths()
			.values()
			.stream()
			.map(PathItem::readOperations)
			.flatMap(List::stream)
			.map(Operation::getResponses)
			.filter(Objects::nonNull)
			.flatMap((responses) -> responses.values().stream())
			.map(ApiResponse::getContent)
			.filter(Objects::nonNull)
			.flatMap((content) -> content.values().stream())
			.anyMatch((mediaType) -> mediaType.getSchema() != null
					&& PROBLEM_DETAIL_REF.equals(mediaType.getSchema().get$ref()));
	}

	/**
	 * The problem details object of RFC 9457 §3.1; further members are allowed (§3.2). The bounds are
	 * those of what the starter writes (a status code, its reason phrase, a one-line detail, no
	 * {@code instance}), so that the schema meets length and pattern rules such as the OWASP API
	 * Security ruleset's {@code owasp:api4:2023-string-limit}.
	 */
	private static Schema<Object> problemDetail(SpecVersion specVersion) {
		SpecVersion version = (specVersion != null) ? specVersion : SpecVersion.V30;
		Schema<Object> schema = schema("object", null, version, "Problem details (RFC 9457)");
		Schema<Object> type = schema("string", "uri-reference", version,
				"A URI reference that identifies the problem type; absent means about:blank (§4.2.1)");
		type.setMaxLength(URI_MAX_LENGTH);
		type.setExample("about:blank");
		schema.addProperty("type", type);
		Schema<Object> title = schema("string", null, version, "A short, human-readable summary of the problem type");
		title.setMaxLength(256);
		title.setPattern(ONE_LINE);
		schema.addProperty("title", title);
		Schema<Object> status = schema("integer", "int32", version, "The HTTP status code");
		status.setMinimum(BigDecimal.valueOf(100));
		status.setMaximum(BigDecimal.valueOf(599));
		schema.addProperty("status", status);
		Schema<Object> detail = schema("string", null, version,
				"A human-readable explanation specific to this occurrence");
		detail.setMaxLength(4096);
		detail.setPattern(ONE_LINE);
		schema.addProperty("detail", detail);
		Schema<Object> instance = schema("string", "uri-reference", version,
				"A URI reference that identifies this occurrence");
		instance.setMaxLength(URI_MAX_LENGTH);
		schema.addProperty("instance", instance);
		return schema;
	}

	private static Schema<Object> schema(String type, String format, SpecVersion version, String description) {
		Schema<Object> schema = new Schema<>(version);
		if (version == SpecVersion.V31) {
			schema.setTypes(Set.of(type));
		}
		else {
			schema.setType(type);
		}
		schema.setFormat(format);
		schema.setDescription(description);
		return schema;
	}

}
