package dev.nexios.spring.openapi;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The document served at {@code /v3/api-docs} (OpenAPI 3.1), field by field.
 */
@SpringBootTest(classes = DocsTestApplication.class, properties = "spring.config.name=openapi-docs")
@AutoConfigureMockMvc
@WithMockUser
class OpenApiDocumentTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	JsonNode doc;

	String raw;

	@BeforeEach
	void fetch() throws Exception {
		this.raw = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.doc = JSON.readTree(this.raw);
	}

	static JsonNode json(String singleQuoted) {
		return JSON.readTree(singleQuoted.replace('\'', '"'));
	}

	JsonNode operation(String path) {
		return operation(path, "get");
	}

	JsonNode operation(String path, String method) {
		JsonNode operation = this.doc.path("paths").path(path).path(method);
		assertThat(operation.isMissingNode()).as("operation %s %s", method, path).isFalse();
		return operation;
	}

	String expectedVersion() {
		return "3.1.";
	}

	@Test
	void specVersion() {
		assertThat(this.doc.path("openapi").asString()).startsWith(expectedVersion());
	}

	@Test
	void securitySchemesCarryExactlyTheOpenApiFieldsOfEveryType() {
		JsonNode expected = json("""
				{
				  'bearerAuth': {'type': 'http', 'scheme': 'bearer', 'bearerFormat': 'JWT', 'description':
				    'JWT bearer token in the Authorization header, validated following RFC8725 (JSON Web Token Best Current Practices)'},
				  'basicAuth': {'type': 'http', 'description': 'HTTP Basic', 'scheme': 'basic'},
				  'apiKeyHeader': {'type': 'apiKey', 'description': 'API key in a header', 'name': 'X-API-Key', 'in': 'header'},
				  'apiKeyQuery': {'type': 'apiKey', 'name': 'api_key', 'in': 'query'},
				  'apiKeyCookie': {'type': 'apiKey', 'name': 'SESSION_KEY', 'in': 'cookie'},
				  'oauth2': {'type': 'oauth2', 'description': 'OAuth 2.0', 'flows': {
				    'implicit': {'authorizationUrl': 'https://issuer.example/oauth2/authorize',
				                 'scopes': {'admin': 'Administration'}},
				    'password': {'tokenUrl': '/auth/token', 'refreshUrl': '/auth/refresh',
				                 'scopes': {'read': 'Read access', 'write': 'Write access'}},
				    'clientCredentials': {'tokenUrl': 'https://issuer.example/oauth2/token',
				                 'scopes': {'read': 'Read access'}},
				    'authorizationCode': {'authorizationUrl': 'https://issuer.example/oauth2/authorize',
				                 'tokenUrl': 'https://issuer.example/oauth2/token',
				                 'scopes': {'read': 'Read access', 'write': 'Write access', 'admin': 'Administration'}}}},
				  'oidc': {'type': 'openIdConnect',
				           'openIdConnectUrl': 'https://issuer.example/.well-known/openid-configuration'},
				  'jwtAuth': {'type': 'http', 'description': 'JWT registered in Java', 'scheme': 'bearer', 'bearerFormat': 'JWT'}
				}""");
		assertThat(this.doc.path("components").path("securitySchemes")).isEqualTo(expected);
	}

	@Test
	void rootSecurityIsTheDefaultRequirements() {
		assertThat(this.doc.path("security")).isEqualTo(json("[{'oauth2': ['read']}, {'bearerAuth': []}, {}]"));
	}

	@Test
	void operationSecurityIsTheEffectiveRequirements() {
		assertThat(operation("/ops/single").path("security")).isEqualTo(json("[{'bearerAuth': []}]"));
		assertThat(operation("/ops/or").path("security")).isEqualTo(json("[{'bearerAuth': []}, {'apiKeyHeader': []}]"));
		assertThat(operation("/ops/and").path("security")).isEqualTo(json("[{'bearerAuth': [], 'apiKeyQuery': []}]"));
		assertThat(operation("/ops/scopes").path("security")).isEqualTo(json("[{'oauth2': ['read', 'write']}]"));
		assertThat(operation("/ops/mixed").path("security"))
			.isEqualTo(json("[{'oauth2': ['read'], 'apiKeyCookie': []}, {'basicAuth': []}]"));
		assertThat(operation("/ops/oidc").path("security")).isEqualTo(json("[{'oidc': []}]"));
		assertThat(operation("/ops/programmatic").path("security")).isEqualTo(json("[{'jwtAuth': []}]"));
	}

	@Test
	void scopesOfEverySchemeTypeAreListedInSecurity() {
		assertThat(operation("/ops/roles").path("security")).isEqualTo(json("""
				[{'apiKeyHeader': ['read']}, {'bearerAuth': ['admin', 'audit'], 'oauth2': ['read']}, {'oidc': ['profile']}]"""));
		assertThat(operation("/ops/basic-roles").path("security")).isEqualTo(json("[{'basicAuth': ['admin']}]"));
		assertThat(operation("/ops/basic-roles").path("description").asString()).isEqualTo("Basic with a scope.");
		assertThat(operation("/ops/roles").has("x-nexios-security")).isFalse();
		assertThat(this.raw).doesNotContain("x-nexios-security");
	}

	@Test
	void optionalAuthenticationIsTheEmptyRequirement() {
		assertThat(operation("/ops/optional").path("security")).isEqualTo(json("[{'bearerAuth': []}, {}]"));
	}

	@Test
	void metaAnnotationAndItsAliasForOverride() {
		assertThat(operation("/ops/admin").path("security")).isEqualTo(json("[{'oauth2': ['admin']}]"));
		assertThat(operation("/ops/admin", "post").path("security")).isEqualTo(json("[{'oauth2': ['admin', 'write']}]"));
	}

	@Test
	void classLevelRequirementsApplyUnlessTheMethodDeclaresItsOwn() {
		assertThat(operation("/class/inherited").path("security")).isEqualTo(json("[{'apiKeyHeader': []}]"));
		assertThat(operation("/class/override").path("security")).isEqualTo(json("[{'basicAuth': []}]"));
		assertThat(operation("/class/public").path("security")).isEqualTo(json("[]"));
	}

	@Test
	void defaultOperationsInheritTheRootSecurity() {
		assertThat(operation("/ops/default").has("security")).isFalse();
	}

	@Test
	void publicOperationUnderADefaultHasAnExplicitEmptySecurity() {
		JsonNode security = operation("/ops/public").path("security");
		assertThat(security.isArray()).isTrue();
		assertThat(security).isEmpty();
		assertThat(this.raw).contains("\"security\":[]");
	}

	@Test
	void securedOperationsDocument401AsProblemDetails() {
		JsonNode expected401 = json("""
				{'description': 'Unauthorized: the credentials are missing or invalid',
				 'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}""");
		for (String path : new String[] { "/ops/single", "/ops/or", "/ops/and", "/ops/optional", "/ops/oidc",
				"/ops/programmatic", "/class/inherited", "/class/override" }) {
			assertThat(operation(path).path("responses").path("401")).as(path).isEqualTo(expected401);
			assertThat(operation(path).path("responses").has("403")).as(path).isFalse();
		}
		assertThat(operation("/ops/public").path("responses").has("401")).isFalse();
		assertThat(operation("/class/public").path("responses").has("401")).isFalse();
	}

	@Test
	void operationsRequiringScopesDocument403() {
		JsonNode expected403 = json("""
				{'description': 'Forbidden: the credentials lack a required scope',
				 'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/ProblemDetail'}}}}""");
		// the default requirements need scope read in one alternative
		for (String path : new String[] { "/ops/scopes", "/ops/mixed", "/ops/admin", "/ops/default" }) {
			assertThat(operation(path).path("responses").path("403")).as(path).isEqualTo(expected403);
			assertThat(operation(path).path("responses").has("401")).as(path).isTrue();
		}
		assertThat(operation("/ops/admin", "post").path("responses").has("403")).isTrue();
	}

	@Test
	void responsesDocumentedByTheApplicationAreKept() {
		JsonNode responses = operation("/ops/documented").path("responses");
		assertThat(responses.path("401").path("description").asString()).isEqualTo("Documented by the application");
		assertThat(responses.path("403").path("description").asString())
			.isEqualTo("Forbidden: the credentials lack a required scope");
	}

	@Test
	void problemDetailSchemaFollowsRfc9457() {
		JsonNode schema = this.doc.path("components").path("schemas").path("ProblemDetail");
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("properties").propertyNames()).containsExactly("type", "title", "status", "detail",
				"instance");
		assertThat(schema.path("properties").path("status").path("type").asString()).isEqualTo("integer");
		assertThat(schema.path("properties").path("type").path("format").asString()).isEqualTo("uri-reference");
		// bounded, so that length and pattern rules (OWASP API Security: api4:2023) find nothing
		assertThat(schema.path("properties").path("status").path("minimum").asInt()).isEqualTo(100);
		assertThat(schema.path("properties").path("status").path("maximum").asInt()).isEqualTo(599);
		for (String name : new String[] { "type", "title", "detail", "instance" }) {
			assertThat(schema.path("properties").path(name).path("maxLength").asInt()).as(name).isPositive();
		}
		assertThat(schema.path("properties").path("title").path("pattern").asString())
			.isEqualTo("^[^\\u0000-\\u001F\\u007F]*$");
		assertThat("Unauthorized").matches(schema.path("properties").path("title").path("pattern").asString());
		assertThat("line\nbreak").doesNotMatch(schema.path("properties").path("detail").path("pattern").asString());
	}

	@Test
	void swaggerUiUsesPkceForTheAuthorizationCodeFlowAndKeepsOtherDefaults() throws Exception {
		String initializer = this.mvc.perform(get("/swagger-ui/swagger-initializer.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(initializer).containsPattern("\"usePkceWithAuthorizationCodeGrant\"\\s*:\\s*true");
		assertThat(initializer).doesNotContain("persistAuthorization");
	}

	@Test
	void documentIsValid() {
		assertValid(this.raw);
	}

	static void assertValid(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
	}

}
