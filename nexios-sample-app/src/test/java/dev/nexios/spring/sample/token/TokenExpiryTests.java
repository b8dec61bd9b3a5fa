package dev.nexios.spring.sample.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import dev.nexios.spring.sample.SampleHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issued token is accepted until its {@code exp} (plus the decoder's 60 s clock-skew allowance) and
 * refused afterwards. Time is moved with a {@link Clock} bean rather than waited for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.auth.token-lifetime=5m")
class TokenExpiryTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void tokenIsRefusedOnceExpired() {
		SampleHttp http = new SampleHttp(this.port);
		this.clock.set(Instant.now());
		String token = http.accessToken("bob", "bob-password", null);
		assertThat(SampleHttp.json(http.token("grant_type", "password", "username", "bob", "password", "bob-password"))
			.get("expires_in")
			.asLong()).isEqualTo(300);
		this.clock.move(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(http.get("/profile", "Authorization", SampleHttp.bearer(token)).statusCode()).isEqualTo(200);
		this.clock.move(Duration.ofSeconds(62));
		assertThat(http.get("/profile", "Authorization", SampleHttp.bearer(token)).statusCode()).isEqualTo(401);
		// a new token, issued now, is accepted again
		String fresh = http.accessToken("bob", "bob-password", null);
		assertThat(http.get("/profile", "Authorization", SampleHttp.bearer(fresh)).statusCode()).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	static class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		void set(Instant instant) {
			this.now.set(instant);
		}

		void move(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
