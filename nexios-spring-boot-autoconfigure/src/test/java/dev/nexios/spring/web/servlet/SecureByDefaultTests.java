package dev.nexios.spring.web.servlet;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the declaration does not cover is closed, through a real servlet container: with no
 * {@code default-requirements}, every request that no declaration opens needs a {@code bearerAuth} token,
 * whatever serves it; and no dispatch reaches a secured handler unchecked.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecureByDefaultApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=secure-by-default")
class SecureByDefaultTests {

	@LocalServerPort
	int port;

	private ServerHttp http() {
		return new ServerHttp(this.port);
	}

	private HttpResponse<String> get(String path, String... headers) {
		return http().get(path, headers);
	}

	private HttpResponse<String> send(String method, String path, String... headers) {
		return http().send(method, path, headers);
	}

	private static String bearer() {
		return "Bearer " + TestTokens.issuerToken("alice", "read");
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.matches("Bearer resource_metadata=\"http://localhost:\\d+/\\.well-known/oauth-protected-resource\"");
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
	}

	@Test
	void anOperationWithoutAnnotationNeedsTheDefaultScheme() throws Exception {
		HttpResponse<String> refused = get("/undeclared");
		assertUnauthorized(refused);
		assertThat(refused.body()).doesNotContain("undeclared-body").contains("bearerAuth");
		HttpResponse<String> served = get("/undeclared", HttpHeaders.AUTHORIZATION, bearer());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo("undeclared-body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
			"/actuator/mappings", "/actuator/threaddump", "/actuator/loggers", "/actuator/env/java.home" })
	void actuatorEndpointsNeedTheDefaultScheme(String path) throws Exception {
		assertUnauthorized(get(path));
		assertThat(get(path, HttpHeaders.AUTHORIZATION, bearer()).statusCode()).isEqualTo(200);
	}

	@Test
	void changingTheLogLevelNeedsTheDefaultScheme() throws Exception {
		HttpResponse<String> refused = send("POST", "/actuator/loggers/ROOT", HttpHeaders.CONTENT_TYPE,
				"application/json");
		assertUnauthorized(refused);
		HttpRequest allowed = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/loggers/dev.nexios.probe"))
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"WARN\"}"))
			.build();
		assertThat(http().client().send(allowed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
	}

	@Test
	void healthIsPublicAsInSpringBoot() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\"");
	}

	@Test
	void aStaticFileIsPublicAndAMissingOneIsClosed() throws Exception {
		HttpResponse<String> file = get("/public-file.txt");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo("a public file\n");
		// an anonymous caller cannot tell a secured route (401) from no route (404)
		assertUnauthorized(get("/no-such-file.txt"));
		assertUnauthorized(get("/secret/"));
		assertThat(get("/no-such-file.txt", HttpHeaders.AUTHORIZATION, bearer()).statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/legacy", "/view", "/second/anything" })
	void handlersAndServletsOutsideTheModelNeedTheDefaultScheme(String path) throws Exception {
		HttpResponse<String> refused = get(path);
		assertUnauthorized(refused);
		assertThat(refused.body()).doesNotContain("-body");
		assertThat(get(path, HttpHeaders.AUTHORIZATION, bearer()).statusCode()).isEqualTo(200);
	}

	@Test
	void theServedBodiesOfHandlersOutsideTheModel() throws Exception {
		assertThat(get("/legacy", HttpHeaders.AUTHORIZATION, bearer()).body()).isEqualTo("legacy-body");
		assertThat(get("/second/x", HttpHeaders.AUTHORIZATION, bearer()).body()).isEqualTo("second-body");
	}

	@Test
	void aWebSocketHandshakeNeedsTheDefaultScheme() throws Exception {
		URI uri = URI.create("ws://localhost:" + this.port + "/ws");
		Throwable refused = catchThrowable(() -> http().client().newWebSocketBuilder()
			.buildAsync(uri, new WebSocket.Listener() {
			})
			.join());
		assertThat(refused).isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
		assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
		CompletableFuture<String> echo = new CompletableFuture<>();
		WebSocket socket = http().client().newWebSocketBuilder()
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.buildAsync(uri, new WebSocket.Listener() {
				@Override
				public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data,
						boolean last) {
					echo.complete(data.toString());
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		socket.sendText("hello", true);
		assertThat(echo.get(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
		socket.abort();
	}

	@Test
	void anIncludeOfASecuredHandlerIsChecked() throws Exception {
		HttpResponse<String> refused = get("/include-secret");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("secret-body");
		HttpResponse<String> served = get("/include-secret", HttpHeaders.AUTHORIZATION, bearer());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo("before;secret-body");
	}

	@Test
	void aForwardToASecuredHandlerIsChecked() throws Exception {
		HttpResponse<String> refused = get("/forward-secret");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("secret-body");
		assertThat(get("/forward-secret", HttpHeaders.AUTHORIZATION, bearer()).body()).isEqualTo("secret-body");
	}

	@Test
	void anAsyncDispatchToASecuredHandlerIsChecked() throws Exception {
		HttpResponse<String> refused = get("/async-secret");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("secret-body");
		assertThat(get("/async-secret", HttpHeaders.AUTHORIZATION, bearer()).body()).isEqualTo("secret-body");
	}

	@Test
	void aRefusedAsyncDispatchOrIncludeIsTheTargetsRefusalAndNothingElse(CapturedOutput output) throws Exception {
		for (String path : new String[] { "/async-keyed", "/include-keyed" }) {
			HttpResponse<String> refused = get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(401);
			assertThat(refused.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).as(path)
				.containsExactly("ApiKey in=\"cookie\", name=\"API_KEY\"");
			assertThat(refused.body()).as(path)
				.startsWith("{")
				.endsWith("}")
				.doesNotContain("}{")
				.doesNotContain("keyed-body")
				.doesNotContain("before;")
				.contains("cookieKey");
			HttpResponse<String> served = get(path, "Cookie", "API_KEY=" + TestSecrets.COOKIE_KEY);
			assertThat(served.statusCode()).as(path).isEqualTo(200);
			assertThat(served.body()).as(path).endsWith("keyed-body");
		}
		assertThat(output.getAll()).doesNotContain("Exception");
	}

	@Test
	void anErrorPageOnASecuredHandlerIsChecked() throws Exception {
		HttpResponse<String> refused = get("/fail");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("secret-body").doesNotContain("failed on purpose");
	}

	@Test
	void aCrossSiteFormPostWithBasicCredentialsIsRefused() throws Exception {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> crossSite = send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, basic, "Origin",
				"https://evil.example", "Sec-Fetch-Site", "cross-site");
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).doesNotContain("basic-form-body").contains("cross-site");
		HttpResponse<String> crossSiteOrigin = send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, basic, "Origin",
				"https://evil.example");
		assertThat(crossSiteOrigin.statusCode()).isEqualTo(403);
		String self = "http://localhost:" + this.port;
		assertThat(send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, basic, "Origin", self, "Sec-Fetch-Site",
				"same-origin").body()).isEqualTo("basic-form-body");
		assertThat(send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, basic, "Origin", self).body())
			.isEqualTo("basic-form-body");
		assertThat(send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, basic).body()).isEqualTo("basic-form-body");
		assertThat(send("POST", "/basic-form", HttpHeaders.AUTHORIZATION, bearer(), "Origin", "https://evil.example",
				"Sec-Fetch-Site", "cross-site").body()).isEqualTo("basic-form-body");
	}

	@Test
	void aCrossSiteFormPostWithACookieKeyIsRefused() throws Exception {
		String cookie = "API_KEY=" + TestSecrets.COOKIE_KEY;
		HttpResponse<String> crossSite = send("POST", "/cookie-form", "Cookie", cookie, "Origin",
				"https://evil.example", "Sec-Fetch-Site", "cross-site");
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).doesNotContain("cookie-form-body");
		assertThat(send("POST", "/cookie-form", "Cookie", cookie, "Sec-Fetch-Site", "same-origin").body())
			.isEqualTo("cookie-form-body");
	}

	@Test
	void anUnreachableVerifierIsA503AndOneWarning(CapturedOutput output) throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		HttpResponse<String> response = get("/outage", HttpHeaders.AUTHORIZATION, "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(response.body()).contains("outageAuth").doesNotContain(token);
		List<String> warnings = output.getAll()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("outageAuth"))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0)).doesNotContain(token);
	}

	@Test
	void anUnreachableKeyStoreIsA503(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/store", "X-STORE-KEY", TestSecrets.UNKNOWN_KEY);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("storeKey").doesNotContain("store-body");
		assertThat(output.getAll()).contains("API key of scheme 'storeKey' could not be checked");
	}

	@Test
	void aMethodSecurityDenialIsProblemDetailsWithAChallenge() throws Exception {
		HttpResponse<String> refused = get("/method-secured", HttpHeaders.AUTHORIZATION, bearer());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(refused.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.startsWith("Bearer error=\"insufficient_scope\"");
		assertThat(refused.body()).doesNotContain("admin-body").contains("\"status\":403");
		HttpResponse<String> admin = get("/method-secured", HttpHeaders.AUTHORIZATION,
				"Bearer " + TestTokens.issuerToken("root", "admin"));
		assertThat(admin.body()).isEqualTo("admin-body");
	}

}
