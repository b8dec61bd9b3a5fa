package dev.nexios.spring.web.servlet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database API key store on a real PostgreSQL server ({@link TestPostgres}), stopped for real for
 * the outage.
 */
class PostgresApiKeyStoreTests extends ApiKeyStoreContractTests {

	@BeforeAll
	static void postgres() {
		TestPostgres.get();
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestPostgres.get().jdbcUrl());
		registry.add("spring.datasource.username", () -> TestPostgres.USER);
		registry.add("spring.sql.init.schema-locations", () -> "classpath:dev/nexios/spring/apikey/schema-postgresql.sql");
	}

	@Override
	void stopDatabase() {
		TestPostgres.get().stop();
	}

	@Override
	void startDatabase() {
		TestPostgres.get().start();
	}

	@Test
	void theLookupUsesTheUniqueIndexNotAScan() {
		SecureRandom random = new SecureRandom();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			byte[] digest = new byte[32];
			random.nextBytes(digest);
			rows.add(new Object[] { "bulk-" + i + "-" + random.nextLong(), HexFormat.of().formatHex(digest) });
		}
		this.jdbc.batchUpdate("INSERT INTO nexios_api_keys (id, scheme, key_sha256, key_hint, principal, created_at)"
				+ " VALUES (?, 'bulk', ?, 'hint', 'bulk', now())", rows);
		this.jdbc.execute("ANALYZE nexios_api_keys");
		String plan = String.join("\n", this.jdbc.queryForList("EXPLAIN SELECT id, key_sha256, principal, scopes, "
				+ "expires_at, revoked_at FROM nexios_api_keys WHERE key_sha256 = '"
				+ HexFormat.of().formatHex(new byte[32]) + "' AND scheme = 'storeKey'", String.class));
		assertThat(plan).contains("nexios_api_keys_key_sha256_uk").doesNotContain("Seq Scan");
		this.jdbc.update("DELETE FROM nexios_api_keys WHERE scheme = 'bulk'");
	}

}
