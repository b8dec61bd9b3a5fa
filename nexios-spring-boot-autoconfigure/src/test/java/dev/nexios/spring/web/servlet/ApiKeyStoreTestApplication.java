package dev.nexios.spring.web.servlet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.core.NexiosAuthentication;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application of the API key store tests: endpoints of the {@code storeKey} scheme (keys in the
 * database), and a {@link CountingDataSource} around the application's {@code DataSource}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApiKeyStoreTestApplication.StoreController.class)
class ApiKeyStoreTestApplication {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource))
						? new CountingDataSource(dataSource) : bean;
			}
		};
	}

	@RestController
	static class StoreController {

		@NexiosSecured(value = "storeKey", scopes = "reports")
		@GetMapping("/store/reports")
		Map<String, Object> reports(NexiosAuthentication caller) {
			return Map.of("principal", caller.getName(), "scopes", new TreeSet<>(caller.getScopes()));
		}

		@NexiosSecured("storeKey")
		@GetMapping("/store/any")
		Map<String, Object> any(NexiosAuthentication caller) {
			return Map.of("principal", caller.getName(), "scopes", new TreeSet<>(caller.getScopes()));
		}

	}

	/**
	 * Counts the connections taken from the database (every query takes one), and simulates an outage
	 * when told to.
	 */
	static final class CountingDataSource extends DelegatingDataSource {

		final AtomicInteger connections = new AtomicInteger();

		final AtomicBoolean down = new AtomicBoolean();

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.connections.incrementAndGet();
			if (this.down.get()) {
				throw new SQLException("The test database is down", "08001");
			}
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.connections.incrementAndGet();
			if (this.down.get()) {
				throw new SQLException("The test database is down", "08001");
			}
			return super.getConnection(username, password);
		}

	}

}
