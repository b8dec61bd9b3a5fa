package dev.nexios.spring.sample.webflux.browser;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.nexios.spring.sample.webflux.SampleContext;
import dev.nexios.spring.sample.webflux.SampleHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI of the WebFlux sample (springdoc's WebFlux UI), in
 * a real (headless) browser: padlocks where the document says an operation is secured, and the
 * password-flow login against {@code POST /auth/token} whose token "Try it out" gets 200 and 403 with.
 * Screenshots are saved in {@code target/swagger-ui-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwaggerUiBrowserTests extends SampleContext {

	SwaggerUi browser;

	@BeforeAll
	void openSwaggerUi() {
		if (SwaggerUi.isInstalled()) {
			this.browser = SwaggerUi.start();
			this.browser.open("http://localhost:" + this.port + "/swagger-ui.html");
		}
	}

	@BeforeEach
	void requireBrowser() {
		SwaggerUi.assumeInstalled();
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void padlockOnEverySecuredOperationAndNoneOnPublicOnes() {
		Map<String, Boolean> shown = this.browser.padlocks();
		this.browser.screenshot("webflux-1-padlocks");
		Map<String, Boolean> documented = securedOperations(
				SampleHttp.json(new SampleHttp(this.port).get("/v3/api-docs")));
		assertThat(shown).isEqualTo(documented);
		assertThat(shown).containsEntry("GET /public", false)
			.containsEntry("POST /auth/token", false)
			.containsEntry("GET /profile", true)
			.containsEntry("GET /admin/dashboard", true);
	}

	@Test
	@Order(2)
	void passwordFlowLoginWithoutAdminScopeOpensProfileButNotTheAdminDashboard() {
		this.browser.openAuthorizeDialog();
		this.browser.passwordLogin("oauth2", "alice", "alice-password");
		this.browser.screenshot("webflux-2-password-flow-logged-in");
		assertThat(this.browser.scheme("oauth2").getText()).doesNotContain("Auth Error", "Unauthorized");
		String token = this.browser.accessToken("oauth2");
		assertThat(token).isNotBlank();
		this.browser.authorizeValue("bearerAuth", token);
		this.browser.closeAuthorizeDialog();
		assertThat(this.browser.tryItOut("GET", "/profile")).isEqualTo(200);
		assertThat(this.browser.tryItOut("GET", "/admin/dashboard")).isEqualTo(403);
		this.browser.screenshot("webflux-3-admin-dashboard-403");
	}

	/**
	 * Whether each operation of the document is secured: a non-empty {@code security} of its own, or
	 * else of the document.
	 */
	static Map<String, Boolean> securedOperations(JsonNode document) {
		JsonNode rootSecurity = document.get("security");
		Map<String, Boolean> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode security = operation.getValue().has("security") ? operation.getValue().get("security")
						: rootSecurity;
				result.put(operation.getKey().toUpperCase() + " " + path.getKey(), security != null && !security.isEmpty());
			}
		}
		return result;
	}

}
