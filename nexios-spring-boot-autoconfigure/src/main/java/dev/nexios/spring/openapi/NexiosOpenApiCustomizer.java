package dev.nexios.spring.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Writes the document-level part of the security declaration into every springdoc document (every
 * group): {@code components.securitySchemes} (OpenAPI 3.1 §4.8.7) with exactly the declared schemes,
 * the root {@code security} (§4.8.1) with the default requirements, and the RFC 9457 problem details
 * schema that the documented 401/403 responses refer to.
 *
 * <p>Root-relative OAuth 2.0 flow URLs and OpenID Connect Discovery URLs ({@code /auth/token}) are
 * prefixed with the servlet context path: Swagger UI resolves such URLs against the origin, which
 * would drop the context path.
 *
 * <p>Reads only the {@link NexiosSecurityModel}.
 */
public class NexiosOpenApiCustomizer implements GlobalOpenApiCustomizer {

	/** Name of the problem details schema under {@code components.schemas}. */
	public static final String PROBLEM_DETAIL_SCHEMA = "ProblemDetail";

	static final String PROBLEM_DETAIL_REF = "#/components/schemas/" + PROBLEM_DETAIL_SCHEMA;

	private final NexiosSecurityModel model;

	private final Supplier<String> contextPath;

	/**
	 * Creates the customizer.
	 * @param model the resolved security declaration
	 * @param contextPath supplies the servlet context path ({@code ""} for the root context, otherwise
	 * starting with {@code /}); read when the document is built
	 */
	public NexiosOpenApiCustomizer(NexiosSecurityModel model, Supplier<String> contextPath) {
		this.model = model;
		this.contextPath = contextPath;
	}

	@Override
	public void customise(OpenAPI openApi) {
		String prefix = Objects.requireNonNullElse(this.contextPath.get(), "");
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(components);
		Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
		this.model.schemes().forEach((name, definition) -> schemes.put(name, withContextPath(definition.toOpenApi(), prefix)));
		components.setSecuritySchemes(schemes.isEmpty() ? null : schemes);
		List<SecurityRequirement> defaults = this.model.defaultRequirements();
		openApi.setSecurity(defaults.isEmpty() ? null : NexiosOperationCustomizer.toOpenApi(defaults));
		if (refersToProblemDetail(openApi) && (components.getSchemas() == null
				|| !components.getSchemas().containsKey(PROBLEM_DETAIL_SCHEMA))) {
			components.addSchemas(PROBLEM_DETAIL_SCHEMA, problemDetail(openApi.getSpecVersion()));
		}
	}

	private static SecurityScheme withContextPath(SecurityScheme scheme, String prefix) {
		if (prefix.isEmpty()) {
			return scheme;
		}
		scheme.setOpenIdConnectUrl(withContextPath(scheme.getOpenIdConnectUrl(), prefix));
		OAuthFlows flows = scheme.getFlows();
		if (flows != null) {
			for (OAuthFlow flow : new OAuthFlow[] { flows.getImplicit(), flows.getPassword(),
					flows.getClientCredentials(), flows.getAuthorizationCode() }) {
				if (flow != null) {
					flow.setAuthorizationUrl(withContextPath(flow.getAuthorizationUrl(), prefix));
					flow.setTokenUrl(withContextPath(flow.getTokenUrl(), prefix));
					flow.setRefreshUrl(withContextPath(flow.getRefreshUrl(), prefix));
				}
			}
		}
		return scheme;
	}

	private static String withContextPath(String url, String prefix) {
		boolean rootRelative = url != null && url.startsWith("/") && !url.startsWith("//");
		return rootRelative ? prefix + url : url;
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
	 * The problem details object of RFC 9457 §3.1; further members are allowed (§3.2).
	 */
	private static Schema<Object> problemDetail(SpecVersion specVersion) {
		SpecVersion version = (specVersion != null) ? specVersion : SpecVersion.V30;
		Schema<Object> schema = schema("object", null, version, "Problem details (RFC 9457)");
		Schema<Object> type = schema("string", "uri-reference", version,
				"A URI reference that identifies the problem type; absent means about:blank (§4.2.1)");
		type.setExample("about:blank");
		schema.addProperty("type", type);
		schema.addProperty("title", schema("string", null, version,
				"A short, human-readable summary of the problem type"));
		schema.addProperty("status", schema("integer", "int32", version, "The HTTP status code"));
		schema.addProperty("detail", schema("string", null, version,
				"A human-readable explanation specific to this occurrence"));
		schema.addProperty("instance", schema("string", "uri-reference", version,
				"A URI reference that identifies this occurrence"));
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
