package dev.nexios.spring.core;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.ActuatorSecurity;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OAuthFlow;
import dev.nexios.spring.model.OAuthFlowType;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which issuers and scopes the protected resource metadata (RFC 9728) lists for a declaration, and how
 * the {@code resource_metadata} parameter joins a challenge (RFC 9728 §5.1).
 */
class ProtectedResourceMetadataTests {

	private static final SecuritySchemeDefinition BEARER = scheme("bearerAuth", SecuritySchemeType.HTTP, "bearer",
			Map.of(), null);

	private static final SecuritySchemeDefinition OAUTH2 = scheme("oauth2", SecuritySchemeType.OAUTH2, null,
			Map.of(OAuthFlowType.CLIENT_CREDENTIALS,
					new OAuthFlow(null, "https://as.example/token", null, new LinkedHashMap<>(Map.of("read", "Read")))),
			null);

	private static final SecuritySchemeDefinition OIDC = scheme("oidc", SecuritySchemeType.OPEN_ID_CONNECT, null,
			Map.of(), "https://login.example/realms/a/.well-known/openid-configuration");

	private static final SecuritySchemeDefinition BASIC = scheme("basicAuth", SecuritySchemeType.HTTP, "basic",
			Map.of(), null);

	private static final SecuritySchemeDefinition API_KEY = new SecuritySchemeDefinition("apiKeyAuth",
			SecuritySchemeType.API_KEY, null, null, null, "X-API-KEY", dev.nexios.spring.model.ApiKeyLocation.HEADER,
			Map.of(), null);

	@Test
	void noBearerTokenSchemeNoMetadata() {
		assertThat(ProtectedResourceMetadata.of(model(List.of(BASIC, API_KEY), SecurityRequirement.of("basicAuth")),
				Map.of(), "https://issuer.example", ProtectedResourceMetadata.Settings.NONE))
			.isNull();
	}

	@Test
	void issuersOfEachSchemeInDeclarationOrderOnce() {
		Map<String, SchemeKeyMaterial> keys = Map.of("oauth2", jwtIssuer("https://as.example"));
		ProtectedResourceMetadata metadata = ProtectedResourceMetadata.of(
				model(List.of(OAUTH2, BEARER, OIDC), SecurityRequirement.of("bearerAuth")), keys, "https://boot.example",
				new ProtectedResourceMetadata.Settings(null, List.of("https://as.example", "https://other.example"), null,
						null));
		// oauth2: its own issuer; bearerAuth: Spring Boot's decoder; oidc: its discovery URL; then configured
		assertThat(metadata.authorizationServers()).containsExactly("https://as.example", "https://boot.example",
				"https://login.example/realms/a", "https://other.example");
	}

	@Test
	void theDefaultIssuerOnlyForSchemesThatUseTheApplicationsDecoder() {
		Map<String, SchemeKeyMaterial> keys = Map.of("bearerAuth",
				new SchemeKeyMaterial(null, new SchemeKeyMaterial.OpaqueToken("https://as.example/introspect", "c", "s"),
						List.of()));
		ProtectedResourceMetadata metadata = ProtectedResourceMetadata.of(
				model(List.of(BEARER), SecurityRequirement.of("bearerAuth")), keys, "https://boot.example",
				ProtectedResourceMetadata.Settings.NONE);
		assertThat(metadata.authorizationServers()).isEmpty();
		assertThat(metadata.build("https://api.example").getClaims()).doesNotContainKey("authorization_servers")
			.doesNotContainKey("scopes_supported")
			.containsEntry("bearer_methods_supported", List.of("header"));
	}

	@Test
	void scopesOfFlowsThenOfRequirementsOfBearerTokenSchemesOnly() {
		ProtectedResourceMetadata metadata = ProtectedResourceMetadata.of(
				model(List.of(OAUTH2, BEARER, API_KEY), SecurityRequirement.of("bearerAuth", "orders.read"),
						SecurityRequirement.of("oauth2", "read", "admin"), SecurityRequirement.of("apiKeyAuth", "reports")),
				Map.of(), null, ProtectedResourceMetadata.Settings.NONE);
		assertThat(metadata.scopes()).containsExactly("read", "admin", "orders.read");
	}

	@Test
	void theConfiguredResourceTakesThePlaceOfTheRequestsOne() {
		ProtectedResourceMetadata metadata = ProtectedResourceMetadata.of(
				model(List.of(BEARER), SecurityRequirement.of("bearerAuth")), Map.of(), null,
				new ProtectedResourceMetadata.Settings("https://api.example/v1", List.of(), "https://docs.example",
						"Orders"));
		OAuth2ProtectedResourceMetadata built = metadata.build("http://10.0.0.1:8080");
		assertThat(built.getResource().toString()).isEqualTo("https://api.example/v1");
		assertThat(built.getClaims()).containsEntry("resource_documentation", "https://docs.example")
			.containsEntry("resource_name", "Orders");
	}

	@Test
	void aDocumentationPathIsBelowTheResource() {
		ProtectedResourceMetadata metadata = ProtectedResourceMetadata.of(
				model(List.of(BEARER), SecurityRequirement.of("bearerAuth")), Map.of(), null,
				new ProtectedResourceMetadata.Settings(null, List.of(), "/swagger-ui.html", null));
		assertThat(metadata.build("https://api.example/gw").getClaims()).containsEntry("resource_documentation",
				"https://api.example/gw/swagger-ui.html");
	}

	@Test
	void configuredUrlsMustBeAbsolute() {
		NexiosSecurityModel model = model(List.of(BEARER), SecurityRequirement.of("bearerAuth"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProtectedResourceMetadata.of(model, Map.of(), null,
				new ProtectedResourceMetadata.Settings("/api", List.of(), null, null)))
			.withMessageContaining("nexios.security.resource-metadata.resource");
		assertThatIllegalArgumentException().isThrownBy(() -> ProtectedResourceMetadata.of(model, Map.of(), null,
				new ProtectedResourceMetadata.Settings(null, List.of("issuer"), null, null)))
			.withMessageContaining("nexios.security.resource-metadata.authorization-servers");
	}

	@Test
	void theParameterJoinsBearerChallengesOnly() {
		String url = "https://api.example/.well-known/oauth-protected-resource";
		assertThat(ProtectedResourceMetadata.withResourceMetadata(List.of("Bearer",
				"Bearer error=\"invalid_token\", error_description=\"x\"", "Basic realm=\"r\"", "ApiKey in=\"header\""),
				url))
			.containsExactly("Bearer resource_metadata=\"" + url + "\"",
					"Bearer error=\"invalid_token\", error_description=\"x\", resource_metadata=\"" + url + "\"",
					"Basic realm=\"r\"", "ApiKey in=\"header\"");
		assertThat(ProtectedResourceMetadata.hasBearerChallenge(List.of("Basic realm=\"r\"", "Bearers"))).isFalse();
		assertThat(ProtectedResourceMetadata.hasBearerChallenge(List.of("Basic realm=\"r\"", "Bearer"))).isTrue();
	}

	private static SchemeKeyMaterial jwtIssuer(String issuer) {
		return new SchemeKeyMaterial(new SchemeKeyMaterial.Jwt(issuer, null, null, List.of(), List.of()), null, List.of());
	}

	private static SecuritySchemeDefinition scheme(String name, SecuritySchemeType type, String httpScheme,
			Map<OAuthFlowType, OAuthFlow> flows, String openIdConnectUrl) {
		return new SecuritySchemeDefinition(name, type, null, httpScheme, null, null, null, flows, openIdConnectUrl);
	}

	/**
	 * A model whose default requirement is the first one and with one operation per other requirement.
	 */
	private static NexiosSecurityModel model(List<SecuritySchemeDefinition> schemes, SecurityRequirement first,
			SecurityRequirement... others) {
		Map<String, SecuritySchemeDefinition> byName = new LinkedHashMap<>();
		schemes.forEach((scheme) -> byName.put(scheme.name(), scheme));
		Map<NexiosSecurityModel.HandlerKey, OperationSecurity> operations = new LinkedHashMap<>();
		Method[] methods = ProtectedResourceMetadataTests.class.getDeclaredMethods();
		for (int i = 0; i < others.length; i++) {
			operations.put(new NexiosSecurityModel.HandlerKey(ProtectedResourceMetadataTests.class, methods[i]),
					new OperationSecurity(List.of(others[i]), OperationSecurity.Origin.METHOD));
		}
		return new NexiosSecurityModel(byName, List.of(first), List.of(first),
				new ActuatorSecurity(List.of(first), Set.of("health")), operations);
	}

}
