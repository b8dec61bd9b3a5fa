package dev.nexios.spring.autoconfigure;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.nexios.spring.apikey.ApiKeyFormat;
import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.jdbc.JdbcApiKeyStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Auto-configuration of the JDBC API key store: when a scheme declares
 * {@code nexios.security.schemes.<name>.store: jdbc} and the application has a {@link DataSource}, a
 * {@link JdbcApiKeyStore} that is both the {@link ApiKeyIssuer} and an {@code ApiKeyAuthenticator} of
 * the enforcement. An application's own {@link ApiKeyIssuer} bean replaces it. Without a
 * {@code DataSource} nothing is configured here, and the enforcement refuses to start (fail closed).
 */
@AutoConfiguration(after = NexiosSecurityAutoConfiguration.class, before = NexiosWebSecurityAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ JdbcClient.class, Caffeine.class })
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
@Conditional(NexiosApiKeyStoreAutoConfiguration.OnJdbcStoreScheme.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(NexiosSecurityProperties.class)
public class NexiosApiKeyStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ApiKeyIssuer.class)
	JdbcApiKeyStore nexiosJdbcApiKeyStore(DataSource dataSource, NexiosSecurityProperties properties) {
		Map<String, ApiKeyFormat> formats = ApiKeyStores.jdbcFormats(properties);
		NexiosSecurityProperties.ApiKeyStore store = properties.getApiKeyStore();
		return new JdbcApiKeyStore(new JdbcTemplate(dataSource), formats,
				new JdbcApiKeyStore.Options(store.getCacheTtl(), store.getNegativeCacheTtl(), store.getCacheMaximumSize(),
						store.getLastUsedInterval()),
				Clock.systemUTC());
	}

	/**
	 * Matches when an enabled scheme has {@code store: jdbc}.
	 */
	static class OnJdbcStoreScheme extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, NexiosSecurityProperties.Scheme> schemes = Binder.get(context.getEnvironment())
				.bind("nexios.security.schemes", Bindable.mapOf(String.class, NexiosSecurityProperties.Scheme.class))
				.orElse(Map.of());
			boolean any = schemes.values()
				.stream()
				.anyMatch((scheme) -> scheme.isEnabled() && scheme.getStore() == NexiosSecurityProperties.Store.JDBC);
			return any ? ConditionOutcome.match("a scheme has store: jdbc")
					: ConditionOutcome.noMatch("no scheme has store: jdbc");
		}

	}

}
