package dev.nexios.spring.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's administration of database API keys, {@code /admin/api-keys}, on its embedded H2
 * database, over real HTTP: only the OAuth2 {@code admin} scope may issue, list, revoke and rotate; an
 * issued key opens what {@code apiKeyAuth} opens, and nothing once revoked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiKeyAdminTests {

	@LocalServerPort
	int port;

	SampleHttp http;

	String admin;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
		this.admin = SampleHttp.bearer(this.http.accessToken("admin", "admin-password", "admin"));
	}

	@Test
	void onlyTheAdminScopeManagesKeys() {
		String body = "{\"principal\":\"ci\"}";
		assertThat(post("/admin/api-keys", body).statusCode()).isEqualTo(401);
		String alice = SampleHttp.bearer(this.http.accessToken("alice", "alice-password", null));
		assertThat(post("/admin/api-keys", body, "Authorization", alice).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/admin/api-keys", "Authorization", alice).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/admin/api-keys").statusCode()).isEqualTo(401);
	}

	@Test
	void anIssuedKeyOpensWhatApiKeyAuthOpensUntilRevoked() {
		HttpResponse<String> issued = post("/admin/api-keys", "{\"principal\":\"ci-pipeline\",\"scopes\":[\"reports\"]}",
				"Authorization", this.admin);
		assertThat(issued.statusCode()).isEqualTo(201);
		JsonNode json = SampleHttp.json(issued);
		String key = json.get("key").asString();
		String id = json.get("id").asString();
		assertThat(key).startsWith("nx_demo_");
		HttpResponse<String> panel = this.http.get("/admin/panel", "X-API-KEY", key);
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("ci-pipeline").contains("reports");
		assertThat(this.http.get("/superuser", "X-API-KEY", key).statusCode()).isEqualTo(200);
		// the listing shows the key's id and hint, never the key
		HttpResponse<String> list = this.http.get("/admin/api-keys", "Authorization", this.admin);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(id).doesNotContain(key);
		assertThat(this.http.send("DELETE", "/admin/api-keys/" + id, null, "Authorization", this.admin).statusCode())
			.isEqualTo(204);
		assertThat(this.http.get("/admin/panel", "X-API-KEY", key).statusCode()).isEqualTo(401);
		assertThat(this.http.send("DELETE", "/admin/api-keys/" + id, null, "Authorization", this.admin).statusCode())
			.isEqualTo(404);
	}

	@Test
	void rotationGivesANewKeyAndRevokesTheOldOne() {
		JsonNode issued = SampleHttp.json(post("/admin/api-keys", "{\"principal\":\"partner\",\"expiresInDays\":30}",
				"Authorization", this.admin));
		HttpResponse<String> rotated = post("/admin/api-keys/" + issued.get("id").asString() + "/rotation", null,
				"Authorization", this.admin);
		assertThat(rotated.statusCode()).isEqualTo(201);
		String newKey = SampleHttp.json(rotated).get("key").asString();
		assertThat(this.http.get("/admin/panel", "X-API-KEY", issued.get("key").asString()).statusCode()).isEqualTo(401);
		assertThat(this.http.get("/admin/panel", "X-API-KEY", newKey).statusCode()).isEqualTo(200);
	}

	@Test
	void badInputIs400() {
		assertThat(post("/admin/api-keys", "{\"principal\":\" \"}", "Authorization", this.admin).statusCode())
			.isEqualTo(400);
		assertThat(post("/admin/api-keys", "{\"principal\":\"x\",\"scopes\":[\"a b\"]}", "Authorization", this.admin)
			.statusCode()).isEqualTo(400);
		assertThat(post("/admin/api-keys", "{\"principal\":\"x\",\"expiresInDays\":0}", "Authorization", this.admin)
			.statusCode()).isEqualTo(400);
		assertThat(post("/admin/api-keys", "not json", "Authorization", this.admin).statusCode()).isEqualTo(400);
		assertThat(post("/admin/api-keys/no-such-key/rotation", null, "Authorization", this.admin).statusCode())
			.isEqualTo(400);
	}

	@Test
	void aMalformedKeyIsRefused() {
		assertThat(this.http.get("/admin/panel", "X-API-KEY", "nx_demo_not-a-key").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> post(String path, String body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.http.send("POST", path, body, all);
	}

}
