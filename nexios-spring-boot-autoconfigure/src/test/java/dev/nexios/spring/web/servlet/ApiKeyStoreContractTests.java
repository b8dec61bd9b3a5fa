package dev.nexios.spring.web.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.apikey.ApiKeyFormat;
import dev.nexios.spring.apikey.ApiKeyInfo;
import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.IssuedApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database API key store promises, over real HTTP through the whole filter chain, on each
 * database it runs on ({@link H2ApiKeyStoreTests}, {@link PostgresApiKeyStoreTests}). The cache TTL is
 * 2 s and the last-used interval 300 ms here.
 */
@SpringBootTest(classes = ApiKeyStoreTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nexios.security.schemes.bearerAuth.enabled=false", "nexios.security.schemes.storeKey.type=apiKey",
				"nexios.security.schemes.storeKey.in=header", "nexios.security.schemes.storeKey.name=X-API-KEY",
				"nexios.security.schemes.storeKey.store=jdbc", "nexios.security.schemes.storeKey.key-prefix=nx_test_",
				"nexios.security.default-requirements[0].storeKey[0]=admin", "nexios.security.api-key-store.cache-ttl=2s",
				"nexios.security.api-key-store.negative-cache-ttl=0s",
				"nexios.security.api-key-store.last-used-interval=300ms", "spring.sql.init.mode=always",
				"spring.datasource.hikari.connection-timeout=500", "spring.main.banner-mode=off" })
@ExtendWith(OutputCaptureExtension.class)
abstract class ApiKeyStoreContractTests {

	static final String SCHEME = "storeKey";

	static final Duration CACHE_TTL = Duration.ofSeconds(2);

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyIssuer issuer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyStoreTestApplication.CountingDataSource dataSource;

	/** Makes the database unreachable. */
	abstract void stopDatabase();

	/** Makes it reachable again. */
	abstract void startDatabase();

	@Test
	void anIssuedKeyIsAcceptedWithItsScopes() throws Exception {
		String key = issue("reports-service", Set.of("reports", "read"), null).key();
		HttpResponse<String> response = get("/store/reports", key);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"principal\":\"reports-service\"")
			.contains("\"scopes\":[\"read\",\"reports\"]");
		assertThat(key).startsWith("nx_test_").hasSize("nx_test_".length() + 36);
	}

	@Test
	void aKeyWithoutTheRequiredScopeIs403() throws Exception {
		String key = issue("reader", Set.of("read"), null).key();
		HttpResponse<String> refused = get("/store/reports", key);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.contains("error=\"insufficient_scope\"", "scope=\"reports\"");
		assertThat(get("/store/any", key).statusCode()).isEqualTo(200);
	}

	@Test
	void anExpiredKeyIs401EvenWhenCached() throws Exception {
		Instant expiresAt = Instant.now().plusMillis(1500);
		String key = issue("short-lived", Set.of("reports"), expiresAt).key();
		assertThat(get("/store/reports", key).statusCode()).isEqualTo(200);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);
		HttpResponse<String> expired = get("/store/reports", key);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().allValues(HttpHeaders.WWW_AUTHENTICATE)).singleElement()
			.asString()
			.contains("error=\"invalid_key\"");
	}

	@Test
	void aKeyRevokedThroughTheIssuerIs401AtOnce() throws Exception {
		IssuedApiKey issued = issue("revoked-here", Set.of("reports"), null);
		assertThat(get("/store/reports", issued.key()).statusCode()).isEqualTo(200);
		assertThat(this.issuer.revoke(issued.info().id())).isTrue();
		assertThat(get("/store/reports", issued.key()).statusCode()).isEqualTo(401);
		assertThat(this.issuer.revoke(issued.info().id())).isFalse();
	}

	@Test
	void aKeyRevokedByAnotherInstanceIs401WithinTheCacheTtl() throws Exception {
		IssuedApiKey issued = issue("revoked-elsewhere", Set.of("reports"), null);
		assertThat(get("/store/reports", issued.key()).statusCode()).isEqualTo(200);
		// another instance of the application revokes it: this instance's cache does not know
		Instant revokedAt = Instant.now();
		this.jdbc.update("UPDATE nexios_api_keys SET revoked_at = ? WHERE id = ?", OffsetDateTime.now(),
				issued.info().id());
		int status;
		do {
			status = get("/store/reports", issued.key()).statusCode();
			if (status == 200) {
				Thread.sleep(100);
			}
		}
		while (status == 200 && Duration.between(revokedAt, Instant.now()).compareTo(CACHE_TTL.plusSeconds(2)) < 0);
		assertThat(status).isEqualTo(401);
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(CACHE_TTL.plusSeconds(2));
	}

	@Test
	void aMalformedKeyIs401WithoutAQuery() throws Exception {
		String key = issue("well-formed", Set.of("reports"), null).key();
		// a well-formed key that was never issued is looked up: the counter does see queries
		String unknown = new ApiKeyFormat("nx_test_").generate(new SecureRandom());
		TestSecrets.register(unknown);
		int before = this.dataSource.connections.get();
		assertThat(get("/store/reports", unknown).statusCode()).isEqualTo(401);
		assertThat(this.dataSource.connections.get()).isGreaterThan(before);
		char last = key.charAt(key.length() - 1);
		List<String> malformed = List.of(key.substring(0, key.length() - 1) + ((last == 'a') ? 'b' : 'a'),
				"nx_live_" + key.substring("nx_test_".length()), key.substring(0, key.length() - 1), key + "0",
				key.replace('_', '-'), "nx_test_", "not-a-key");
		// the variants that carry the key's random part are secrets too; "nx_test_" and "not-a-key" are not
		malformed.stream().filter((candidate) -> candidate.length() > 20).forEach(TestSecrets::register);
		for (String candidate : malformed) {
			int connections = this.dataSource.connections.get();
			HttpResponse<String> response = get("/store/reports", candidate);
			assertThat(response.statusCode()).as(candidate.length() + " characters").isEqualTo(401);
			assertThat(this.dataSource.connections.get()).as("queries for a malformed key").isEqualTo(connections);
		}
	}

	@Test
	void aDatabaseOutageIs503AndAWarning(CapturedOutput output) throws Exception {
		String key = issue("during-outage", Set.of("reports"), null).key();
		stopDatabase();
		HttpResponse<String> response;
		try {
			response = get("/store/reports", key);
		}
		finally {
			startDatabase();
		}
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain(key);
		List<String> warnings = output.getAll()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("API key of scheme 'storeKey' could not be checked"))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0)).doesNotContain(key);
		// nothing was cached during the outage
		assertThat(get("/store/reports", key).statusCode()).isEqualTo(200);
	}

	@Test
	void lastUsedAtAdvancesWithoutAWritePerRequest() throws Exception {
		IssuedApiKey issued = issue("busy-client", Set.of("reports"), null);
		assertThat(lastUsedAt(issued)).isNull();
		for (int i = 0; i < 5; i++) {
			assertThat(get("/store/reports", issued.key()).statusCode()).isEqualTo(200);
		}
		Instant first = awaitLastUsedAfter(issued, Instant.EPOCH);
		Thread.sleep(400);
		assertThat(get("/store/reports", issued.key()).statusCode()).isEqualTo(200);
		assertThat(awaitLastUsedAfter(issued, first)).isAfter(first);
	}

	@Test
	void onlyTheDigestIsStoredAndListingRevealsNeitherKeyNorDigest() throws Exception {
		IssuedApiKey issued = issue("listed", Set.of("reports"), null);
		String digest = HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(issued.key().getBytes()));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM nexios_api_keys WHERE id = ?",
				issued.info().id());
		assertThat(row.values()).noneMatch((value) -> String.valueOf(value).contains(issued.key().substring(8)));
		assertThat(row.entrySet()).anyMatch((column) -> column.getKey().equalsIgnoreCase("key_sha256")
				&& digest.equals(String.valueOf(column.getValue()).trim()));
		List<ApiKeyInfo> listed = this.issuer.list(SCHEME);
		assertThat(listed).extracting(ApiKeyInfo::id).contains(issued.info().id());
		assertThat(listed.toString()).doesNotContain(issued.key().substring(8)).doesNotContain(digest);
		assertThat(issued.toString()).doesNotContain(issued.key());
		assertThat(this.issuer.find(issued.info().id())).hasValueSatisfying((info) -> {
			assertThat(info.principal()).isEqualTo("listed");
			assertThat(info.scopes()).containsExactly("reports");
			assertThat(info.hint()).startsWith("nx_test_...").endsWith(issued.key().substring(issued.key().length() - 4));
		});
	}

	@Test
	void rotationReplacesTheKey() throws Exception {
		IssuedApiKey old = issue("rotating", Set.of("reports"), null);
		IssuedApiKey overlapping = this.issuer.rotate(old.info().id(), Duration.ofMinutes(5));
		TestSecrets.register(overlapping.key());
		assertThat(get("/store/reports", old.key()).statusCode()).isEqualTo(200);
		assertThat(get("/store/reports", overlapping.key()).statusCode()).isEqualTo(200);
		IssuedApiKey replaced = this.issuer.rotate(overlapping.info().id(), Duration.ZERO);
		TestSecrets.register(replaced.key());
		assertThat(get("/store/reports", overlapping.key()).statusCode()).isEqualTo(401);
		assertThat(get("/store/reports", replaced.key()).statusCode()).isEqualTo(200);
		assertThat(replaced.info().principal()).isEqualTo("rotating");
		assertThat(replaced.info().scopes()).containsExactly("reports");
	}

	IssuedApiKey issue(String principal, Set<String> scopes, Instant expiresAt) {
		IssuedApiKey issued = this.issuer.issue(SCHEME, principal, scopes, expiresAt);
		TestSecrets.register(issued.key());
		return issued;
	}

	private Instant lastUsedAt(IssuedApiKey issued) {
		return this.issuer.find(issued.info().id()).orElseThrow().lastUsedAt();
	}

	private Instant awaitLastUsedAfter(IssuedApiKey issued, Instant after) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		Instant lastUsed = lastUsedAt(issued);
		while ((lastUsed == null || !lastUsed.isAfter(after)) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			lastUsed = lastUsedAt(issued);
		}
		assertThat(lastUsed).as("last_used_at").isNotNull().isAfter(after);
		return lastUsed;
	}

	HttpResponse<String> get(String path, String key) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-API-KEY", key)
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
