package dev.nexios.spring.sample.token;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo token endpoint over real HTTP: RFC 6749 §4.3 requests, §5.1 responses, §5.2 errors, and the
 * narrowing of the requested scope.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenEndpointTests {

	@LocalServerPort
	int port;

	@Autowired
	JwtDecoder jwtDecoder;

	SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void issuesSignedJwtWithTheRfc6749SuccessResponse() {
		HttpResponse<String> response = this.http.token("grant_type", "password", "username", "alice", "password",
				"alice-password", "scope", "read write");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
		JsonNode body = SampleHttp.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		assertThat(body.get("scope").asString()).isEqualTo("read write");
		String token = body.get("access_token").asString();
		JsonNode header = SampleHttp.json(new String(
				Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8));
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		Jwt jwt = this.jwtDecoder.decode(token);
		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getClaimAsString("iss")).isEqualTo("nexios-sample");
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("read write");
		assertThat(jwt.getIssuedAt()).isNotNull();
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void withoutScopeGrantsEveryScopeTheUserMayHave() {
		assertThat(scopeOf(this.http.token("grant_type", "password", "username", "admin", "password", "admin-password")))
			.isEqualTo("read write admin");
		// Swagger UI sends an empty scope when no scope box is ticked
		assertThat(scopeOf(this.http.token("grant_type", "password", "username", "bob", "password", "bob-password",
				"scope", ""))).isEqualTo("read");
	}

	@Test
	void narrowsTheRequestedScopeToWhatTheUserMayHave() {
		HttpResponse<String> response = this.http.token("grant_type", "password", "username", "alice", "password",
				"alice-password", "scope", "read admin");
		assertThat(scopeOf(response)).isEqualTo("read");
		assertThat(this.jwtDecoder.decode(SampleHttp.json(response).get("access_token").asString())
			.getClaimAsString("scope")).isEqualTo("read");
	}

	@Test
	void scopeOfWhichNothingMayBeGrantedIsInvalidScope() {
		assertError(this.http.token("grant_type", "password", "username", "bob", "password", "bob-password", "scope",
				"admin write"), 400, "invalid_scope");
	}

	@Test
	void undeclaredScopeIsInvalidScope() {
		assertError(this.http.token("grant_type", "password", "username", "admin", "password", "admin-password",
				"scope", "read delete"), 400, "invalid_scope");
	}

	@Test
	void wrongPasswordIsInvalidGrant() {
		HttpResponse<String> response = this.http.token("grant_type", "password", "username", "alice", "password",
				"not-alice-password");
		assertError(response, 400, "invalid_grant");
		assertThat(response.body()).doesNotContain("not-alice-password");
	}

	@Test
	void unknownUserIsInvalidGrant() {
		assertError(this.http.token("grant_type", "password", "username", "mallory", "password", "alice-password"),
				400, "invalid_grant");
	}

	@Test
	void otherGrantTypeIsUnsupportedGrantType() {
		assertError(this.http.token("grant_type", "client_credentials", "scope", "read"), 400,
				"unsupported_grant_type");
	}

	@Test
	void missingParametersAreInvalidRequest() {
		assertError(this.http.token("username", "alice", "password", "alice-password"), 400, "invalid_request");
		assertError(this.http.token("grant_type", "password", "password", "alice-password"), 400, "invalid_request");
		assertError(this.http.token("grant_type", "password", "username", "alice"), 400, "invalid_request");
	}

	@Test
	void repeatedParameterIsInvalidRequest() {
		assertError(this.http.token("grant_type", "password", "username", "alice", "username", "admin", "password",
				"alice-password"), 400, "invalid_request");
	}

	@Test
	void bodyThatIsNotFormEncodedIsInvalidRequest() {
		HttpResponse<String> response = this.http.send("POST", "/auth/token",
				"{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"alice-password\"}",
				"Content-Type", "application/json");
		assertError(response, 400, "invalid_request");
	}

	@Test
	void undecodableFormIsInvalidRequestWithoutEchoingIt() {
		HttpResponse<String> response = this.http.send("POST", "/auth/token",
				"grant_type=password&username=alice&password=secret%ZZ", "Content-Type",
				"application/x-www-form-urlencoded");
		assertError(response, 400, "invalid_request");
		assertThat(response.body()).doesNotContain("secret");
	}

	@Test
	void credentialsInTheQueryStringAreInvalidRequest() {
		HttpResponse<String> response = this.http.send("POST",
				"/auth/token?" + SampleHttp.form("username", "alice", "password", "alice-password"),
				SampleHttp.form("grant_type", "password"), "Content-Type", "application/x-www-form-urlencoded");
		assertError(response, 400, "invalid_request");
		assertThat(response.body()).doesNotContain("alice-password");
	}

	@Test
	void clientCredentialsThatSwaggerUiMaySendAreIgnored() {
		HttpResponse<String> response = this.http.send("POST", "/auth/token",
				SampleHttp.form("grant_type", "password", "username", "bob", "password", "bob-password"),
				"Content-Type", "application/x-www-form-urlencoded", "Authorization",
				"Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static String scopeOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SampleHttp.json(response).get("scope").asString();
	}

	private static void assertError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = SampleHttp.json(response);
		assertThat(body.get("error").asString()).isEqualTo(error);
		assertThat(body.get("error_description").asString()).isNotBlank();
		assertThat(body.has("access_token")).isFalse();
	}

}
