package dev.nexios.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.nexios.spring.apikey.ApiKeyInfo;
import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.IssuedApiKey;
import dev.nexios.spring.apikey.jdbc.JdbcApiKeyStore;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The wiring of the JDBC API key store, and that a {@code store: jdbc} scheme without a store stops the
 * application (fail closed).
 */
class NexiosApiKeyStoreAutoConfigurationTest {

	private static final String[] STORE_SCHEME = { "nexios.security.schemes.storeKey.type=apiKey",
			"nexios.security.schemes.storeKey.in=header", "nexios.security.schemes.storeKey.name=X-API-KEY",
			"nexios.security.schemes.storeKey.store=jdbc" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NexiosApiKeyStoreAutoConfiguration.class));

	@Test
	void aStoreSchemeWithADataSourceGetsTheJdbcStore() {
		this.runner.withPropertyValues(STORE_SCHEME)
			.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:wiring"))
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcApiKeyStore.class);
				assertThat(context.getBean(ApiKeyIssuer.class).schemes()).containsExactly("storeKey");
			});
	}

	@Test
	void noStoreWithoutAStoreScheme() {
		this.runner.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:wiring"))
			.run((context) -> assertThat(context).doesNotHaveBean(ApiKeyIssuer.class));
	}

	@Test
	void noStoreWithoutADataSource() {
		this.runner.withPropertyValues(STORE_SCHEME).run((context) -> assertThat(context).doesNotHaveBean(ApiKeyIssuer.class));
	}

	@Test
	void anApplicationIssuerReplacesTheJdbcStore() {
		this.runner.withPropertyValues(STORE_SCHEME)
			.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:wiring"))
			.withBean(ApiKeyIssuer.class, OwnIssuer::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(JdbcApiKeyStore.class);
				assertThat(context).getBean(ApiKeyIssuer.class).isInstanceOf(OwnIssuer.class);
			});
	}

	@Test
	void aMalformedKeyPrefixStopsTheApplicationNamingTheProperty() {
		this.runner.withPropertyValues(STORE_SCHEME)
			.withPropertyValues("nexios.security.schemes.storeKey.key-prefix=nx live")
			.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:wiring"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSecurityDeclarationException.class)
				.hasMessageContaining("nexios.security.schemes.storeKey.key-prefix"));
	}

	@Test
	void theDefaultPrefixIsTheSchemeName() {
		assertThat(ApiKeyStores.defaultPrefix("apiKeyAuth")).isEqualTo("nx_apikeyauth_");
		assertThat(ApiKeyStores.defaultPrefix("partner-keys")).isEqualTo("nx_partnerkeys_");
	}

	@Test
	void aStoreSchemeWithoutADataSourceStopsTheApplicationNamingTheProperty() {
		Throwable failure = start("--spring.autoconfigure.exclude="
				+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(InvalidSecurityDeclarationException.class)
			.hasMessageContaining("nexios.security.schemes.storeKey.store: jdbc needs a DataSource bean");
	}

	@Test
	void aStoreOnASchemeThatIsNotAnApiKeySchemeStopsTheApplication() {
		Throwable failure = start("--nexios.security.schemes.tokenAuth.type=http",
				"--nexios.security.schemes.tokenAuth.scheme=bearer", "--nexios.security.schemes.tokenAuth.store=jdbc");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(InvalidSecurityDeclarationException.class)
			.hasMessageContaining("nexios.security.schemes.tokenAuth.store: only apiKey schemes keep keys in a store");
	}

	private static Throwable start(String... extra) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--nexios.security.default-requirements[0].storeKey=", "--spring.sql.init.mode=never"));
		for (String property : STORE_SCHEME) {
			args.add("--" + property);
		}
		args.addAll(List.of(extra));
		return catchThrowable(() -> application.run(args.toArray(String[]::new)).close());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MinimalApplication {

	}

	static class OwnIssuer implements ApiKeyIssuer {

		@Override
		public Set<String> schemes() {
			return Set.of("storeKey");
		}

		@Override
		public IssuedApiKey issue(String scheme, String principal, Set<String> scopes, Instant expiresAt) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ApiKeyInfo> list(String scheme) {
			return List.of();
		}

		@Override
		public Optional<ApiKeyInfo> find(String id) {
			return Optional.empty();
		}

		@Override
		public boolean revoke(String id) {
			return false;
		}

		@Override
		public IssuedApiKey rotate(String id, Duration overlap) {
			throw new UnsupportedOperationException();
		}

	}

}
