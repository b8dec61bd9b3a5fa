package dev.nexios.spring.sample.browser;

import dev.nexios.spring.sample.proxy.PrefixStrippingProxy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI's password-flow login also works behind a reverse proxy that serves the application
 * (context path {@code /ctx}) at {@code /gw/ctx} ({@code server.forward-headers-strategy=framework}):
 * the browser only ever talks to the proxy, and posts to the {@code tokenUrl} of the document, which
 * is below the same prefix as the document's {@code servers[0]}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx", "server.forward-headers-strategy=framework" })
class SwaggerUiReverseProxyBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void passwordFlowLoginThroughTheProxy() {
		SwaggerUi.assumeInstalled();
		try (PrefixStrippingProxy proxy = new PrefixStrippingProxy("/gw", "http://localhost:" + this.port, "/ctx");
				SwaggerUi browser = SwaggerUi.start()) {
			browser.open("http://localhost:" + proxy.port() + "/gw/ctx/swagger-ui.html");
			browser.openAuthorizeDialog();
			browser.passwordLogin("oauth2", "admin", "admin-password");
			browser.screenshot("proxy-1-password-flow-logged-in");
			assertThat(browser.accessToken("oauth2")).isNotBlank();
			browser.closeAuthorizeDialog();
			assertThat(browser.tryItOut("GET", "/admin/dashboard")).isEqualTo(200);
			browser.screenshot("proxy-2-admin-dashboard-200");
		}
	}

}
