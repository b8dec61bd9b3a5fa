package dev.nexios.spring.sample.webflux;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token issued by {@code POST /auth/token} unlocks exactly the endpoints whose requirements it
 * satisfies, and the demo API keys exactly theirs; over real HTTP through the whole filter chain.
 *
 * <p>Demo users: {@code alice} (read, write), {@code bob} (read), {@code admin} (read, write, admin).
 * The same cases and statuses as the servlet sample's {@code IssuedTokenAccessTests}.
 */
class IssuedTokenAccessTests extends SampleContext {

	static final String API_KEY = "demo-admin-key";

	/** Expected status per caller: anonymous, bob, alice, admin, and the X-API-KEY key alone. */
	static final List<Case> CASES = List.of(
			new Case("GET", "/public", 200, 200, 200, 200, 200),
			new Case("GET", "/private", 401, 200, 200, 200, 401),
			new Case("GET", "/profile", 401, 200, 200, 200, 401),
			new Case("GET", "/settings", 401, 200, 200, 200, 401),
			new Case("POST", "/posts", 401, 201, 201, 201, 401),
			new Case("GET", "/whoami", 401, 200, 200, 200, 401),
			new Case("GET", "/admin/panel", 401, 401, 401, 401, 200),
			new Case("GET", "/reports", 401, 401, 401, 401, 401),
			new Case("GET", "/session", 401, 401, 401, 401, 401),
			new Case("GET", "/admin/dashboard", 401, 403, 403, 200, 401),
			new Case("GET", "/documents", 401, 200, 200, 200, 401),
			new Case("POST", "/documents", 401, 403, 201, 201, 401),
			new Case("GET", "/superuser", 401, 200, 200, 200, 200),
			new Case("GET", "/audit", 401, 401, 401, 401, 401),
			// actuator endpoints: health public, the others nexios.security.actuator.requirements (oauth2 admin)
			new Case("GET", "/actuator/health", 200, 200, 200, 200, 200),
			new Case("GET", "/actuator/loggers", 401, 403, 403, 200, 401),
			new Case("GET", "/actuator/info", 401, 403, 403, 200, 401));

	static final Map<String, String> PASSWORDS = Map.of("bob", "bob-password", "alice", "alice-password", "admin",
			"admin-password");

	SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	static Stream<Arguments> cases() {
		List<Arguments> arguments = new ArrayList<>();
		for (Case c : CASES) {
			arguments.add(Arguments.of("anonymous", c.method, c.path, c.anonymous));
			arguments.add(Arguments.of("bob", c.method, c.path, c.bob));
			arguments.add(Arguments.of("alice", c.method, c.path, c.alice));
			arguments.add(Arguments.of("admin", c.method, c.path, c.admin));
			arguments.add(Arguments.of("apiKey", c.method, c.path, c.apiKey));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: {1} {2} -> {3}")
	@MethodSource("cases")
	void credentialUnlocksExactlyTheEndpointsItSatisfies(String caller, String method, String path, int expected) {
		List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
		if (PASSWORDS.containsKey(caller)) {
			headers.addAll(List.of("Authorization", SampleHttp.bearer(token(caller))));
		}
		else if (caller.equals("apiKey")) {
			headers.addAll(List.of("X-API-KEY", API_KEY));
		}
		HttpResponse<String> response = this.http.send(method, path, method.equals("POST") ? "{}" : null,
				headers.toArray(String[]::new));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
	}

	@Test
	void tokenWithReadScopeAndApiKeyTogetherOpenTheAuditLog() {
		assertThat(this.http.get("/audit", "Authorization", SampleHttp.bearer(token("bob")), "X-API-KEY", API_KEY)
			.statusCode()).isEqualTo(200);
		String writeOnly = this.http.accessToken("alice", "alice-password", "write");
		assertThat(this.http.get("/audit", "Authorization", SampleHttp.bearer(writeOnly), "X-API-KEY", API_KEY)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void tokenNarrowedToReadDoesNotWrite() {
		String readOnly = this.http.accessToken("alice", "alice-password", "read");
		assertThat(this.http.send("POST", "/documents", "{}", "Content-Type", "application/json", "Authorization",
				SampleHttp.bearer(readOnly)).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/documents", "Authorization", SampleHttp.bearer(readOnly)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void apiKeysInQueryAndCookieOpenTheirEndpoints() {
		assertThat(this.http.get("/reports?api_key=demo-reports-key").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/reports?api_key=wrong-key").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/session", "Cookie", "session_id=demo-session-id").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/session", "Cookie", "session_id=wrong").statusCode()).isEqualTo(401);
		// a key of one scheme does not open another scheme's endpoint
		assertThat(this.http.get("/admin/panel?api_key=demo-reports-key").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/admin/panel", "X-API-KEY", "demo-reports-key").statusCode()).isEqualTo(401);
	}

	@Test
	void alteredTokenIsRefused() {
		String token = token("admin");
		int signature = token.lastIndexOf('.') + 1;
		String altered = token.substring(0, signature) + ((token.charAt(signature) == 'A') ? 'B' : 'A')
				+ token.substring(signature + 1);
		HttpResponse<String> response = this.http.get("/profile", "Authorization", SampleHttp.bearer(altered));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
	}

	private String token(String user) {
		return this.http.accessToken(user, PASSWORDS.get(user), null);
	}

	record Case(String method, String path, int anonymous, int bob, int alice, int admin, int apiKey) {
	}

}
