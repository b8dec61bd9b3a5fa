package dev.nexios.spring.web.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatches that only a servlet container performs: a FORWARD from a public handler to a secured one
 * is checked against the secured one, and the ERROR dispatch of a failing secured handler renders
 * without the exception's detail.
 */
@SpringBootTest(classes = EnforcementTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=enforcement")
class DispatchTypesTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void forwardToASecuredHandlerIsChecked() throws Exception {
		HttpResponse<String> refused = get("/forward-to-single", null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("single\"").contains("bearerAuth");
		HttpResponse<String> served = get("/forward-to-single", "Bearer " + TestTokens.issuerToken("alice", null));
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo("single");
	}

	@Test
	void errorDispatchOfAFailingSecuredHandlerLeaksNothing() throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		HttpResponse<String> failed = get("/boom", "Bearer " + token);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).doesNotContain("internal detail").doesNotContain(token);
		assertThat(get("/boom", null).statusCode()).isEqualTo(401);
	}

}
