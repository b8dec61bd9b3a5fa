package dev.nexios.spring.sample.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI of the sample, in a real (headless) browser, as a user meets it: padlocks where the
 * document says an operation is secured, the Authorize dialog with every scheme, the password-flow
 * login against {@code POST /auth/token}, and "Try it out" answered by the enforcement with 200, 403 and
 * 401. Screenshots of each step are saved in {@code target/swagger-ui-screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwaggerUiBrowserTests {

	@LocalServerPort
	int port;

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
		// skips each test with the installation hint (an assumption in @BeforeAll would hide the tests)
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
		this.browser.screenshot("1-padlocks");
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
	void authorizeDialogListsEverySchemeWithItsDescription() {
		JsonNode schemes = SampleHttp.json(new SampleHttp(this.port).get("/v3/api-docs"))
			.get("components")
			.get("securitySchemes");
		this.browser.openAuthorizeDialog();
		List<String> sections = this.browser.authorizeDialogSections();
		assertThat(sections).hasSize(schemes.size());
		for (Map.Entry<String, JsonNode> scheme : schemes.properties()) {
			assertThat(this.browser.scheme(scheme.getKey()).getText()).as(scheme.getKey())
				.contains(scheme.getValue().get("description").asString());
		}
		this.browser.screenshotAuthorizeDialog("2-authorize-dialog");
		this.browser.closeAuthorizeDialog();
	}

	@Test
	@Order(3)
	void passwordFlowLoginWithoutAdminScopeOpensProfileButNotTheAdminDashboard() {
		this.browser.openAuthorizeDialog();
		this.browser.passwordLogin("oauth2", "alice", "alice-password");
		this.browser.screenshot("3-password-flow-logged-in");
		assertThat(this.browser.scheme("oauth2").getText()).doesNotContain("Auth Error", "Unauthorized");
		// Swagger UI keeps credentials per scheme: /profile requires bearerAuth, so the token that the
		// password-flow login obtained is entered there too, as a user pastes it
		String token = this.browser.accessToken("oauth2");
		assertThat(token).isNotBlank();
		this.browser.authorizeValue("bearerAuth", token);
		this.browser.closeAuthorizeDialog();
		assertThat(this.browser.tryItOut("GET", "/profile")).isEqualTo(200);
		this.browser.screenshot("4-profile-200");
		assertThat(this.browser.tryItOut("GET", "/admin/dashboard")).isEqualTo(403);
		this.browser.screenshot("5-admin-dashboard-403");
	}

	@Test
	@Order(4)
	void apiKeyOpensTheAdminPanelUntilLoggedOut() {
		this.browser.scrollToTop();
		this.browser.openAuthorizeDialog();
		this.browser.authorizeValue("apiKeyAuth", "demo-admin-key");
		this.browser.screenshot("6-api-key-authorized");
		this.browser.closeAuthorizeDialog();
		assertThat(this.browser.tryItOut("GET", "/admin/panel")).isEqualTo(200);
		this.browser.screenshot("7-admin-panel-200");
		this.browser.scrollToTop();
		this.browser.openAuthorizeDialog();
		this.browser.logout("apiKeyAuth");
		this.browser.closeAuthorizeDialog();
		assertThat(this.browser.tryItOut("GET", "/admin/panel")).isEqualTo(401);
		this.browser.screenshot("8-admin-panel-after-logout-401");
	}

	@Test
	@Order(5)
	void tokenEndpointCanBeTriedOutToObtainATokenToPaste() {
		this.browser.scrollToTop();
		assertThat(this.browser.tryItOut("POST", "/auth/token")).isEqualTo(200);
		this.browser.screenshot("9-token-endpoint-try-it-out-200");
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
