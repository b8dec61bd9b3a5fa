package dev.nexios.spring.sample.browser;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password-flow login of Swagger UI also works when the application runs under a servlet context
 * path: the document's {@code tokenUrl} carries the context path, so the browser posts to the token
 * endpoint that really exists.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.servlet.context-path=/ctx")
class SwaggerUiContextPathBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void passwordFlowLoginUnderContextPath() {
		SampleHttp http = new SampleHttp(this.port, "/ctx");
		assertThat(SampleHttp.json(http.get("/v3/api-docs"))
			.at("/components/securitySchemes/oauth2/flows/password/tokenUrl")
			.asString()).isEqualTo("/ctx/auth/token");
		try (SwaggerUi browser = SwaggerUi.start()) {
			browser.open(http.baseUrl() + "/swagger-ui.html");
			browser.openAuthorizeDialog();
			browser.passwordLogin("oauth2", "admin", "admin-password");
			browser.screenshot("ctx-1-password-flow-logged-in");
			assertThat(browser.accessToken("oauth2")).isNotBlank();
			browser.closeAuthorizeDialog();
			assertThat(browser.tryItOut("GET", "/admin/dashboard")).isEqualTo(200);
			browser.screenshot("ctx-2-admin-dashboard-200");
		}
	}

}
