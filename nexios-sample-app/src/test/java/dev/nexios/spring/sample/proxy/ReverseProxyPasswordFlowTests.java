package dev.nexios.spring.sample.proxy;

import java.net.URI;
import java.net.http.HttpResponse;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample under the context path {@code /ctx} behind a reverse proxy that serves it at
 * {@code /gw/ctx} and strips {@code /gw} ({@code server.forward-headers-strategy=framework}): the
 * document's {@code tokenUrl} is below the same prefix as its {@code servers[0]}, and the password-flow
 * login that Swagger UI makes from it (resolve {@code tokenUrl} against the selected server, post the
 * form) works through the proxy, as does the call with the token it returns.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/ctx", "server.forward-headers-strategy=framework" })
class ReverseProxyPasswordFlowTests {

	@LocalServerPort
	int port;

	PrefixStrippingProxy proxy;

	@BeforeEach
	void startProxy() {
		this.proxy = new PrefixStrippingProxy("/gw", "http://localhost:" + this.port, "/ctx");
	}

	@AfterEach
	void stopProxy() {
		this.proxy.close();
	}

	@Test
	void passwordFlowLoginThroughTheProxyPrefix() {
		SampleHttp viaProxy = new SampleHttp(this.proxy.port(), "/gw/ctx");
		JsonNode doc = SampleHttp.json(viaProxy.get("/v3/api-docs"));
		String server = doc.at("/servers/0/url").asString();
		String tokenUrl = doc.at("/components/securitySchemes/oauth2/flows/password/tokenUrl").asString();
		assertThat(server).isEqualTo("http://localhost:" + this.proxy.port() + "/gw/ctx");
		assertThat(tokenUrl).isEqualTo("/gw/ctx/auth/token");

		// what Swagger UI does: the token URL resolved against the selected server
		URI token = URI.create(server).resolve(tokenUrl);
		SampleHttp origin = new SampleHttp(this.proxy.port(), "");
		HttpResponse<String> login = origin.send("POST", token.getRawPath(),
				SampleHttp.form("grant_type", "password", "username", "admin", "password", "admin-password"),
				"Content-Type", "application/x-www-form-urlencoded");
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		String accessToken = SampleHttp.json(login).get("access_token").asString();
		assertThat(viaProxy.get("/admin/dashboard", "Authorization", SampleHttp.bearer(accessToken)).statusCode())
			.isEqualTo(200);

		// the URL without the proxy prefix, as written before, does not reach the application
		assertThat(origin.send("POST", "/ctx/auth/token",
				SampleHttp.form("grant_type", "password", "username", "admin", "password", "admin-password"),
				"Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(404);
	}

}
