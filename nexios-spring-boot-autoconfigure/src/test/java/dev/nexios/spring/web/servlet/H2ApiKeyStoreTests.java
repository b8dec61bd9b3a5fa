package dev.nexios.spring.web.servlet;

import org.springframework.test.context.TestPropertySource;

/**
 * The database API key store on an embedded H2 database; an outage is simulated by the
 * {@code DataSource} refusing connections.
 */
@TestPropertySource(properties = { "spring.sql.init.schema-locations=classpath:dev/nexios/spring/apikey/schema-h2.sql" },
		inheritLocations = true)
class H2ApiKeyStoreTests extends ApiKeyStoreContractTests {

	@Override
	void stopDatabase() {
		this.dataSource.down.set(true);
	}

	@Override
	void startDatabase() {
		this.dataSource.down.set(false);
	}

}
