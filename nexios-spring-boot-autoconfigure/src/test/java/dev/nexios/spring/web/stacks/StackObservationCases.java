package dev.nexios.spring.web.stacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nexios.spring.core.DefaultDecisionObservationConvention;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.core.RejectedCredential;
import dev.nexios.spring.web.servlet.TestSecrets;
import dev.nexios.spring.web.servlet.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions are observable the same way on both stacks, through a real server: each is timed as
 * {@code nexios.security.decision} by Spring Boot's actuator (tagged with its outcome, the satisfying
 * scheme and the handler's pattern, never the raw path or a credential), and authentication successes
 * and failures reach the application's listeners and Spring Boot's audit events without the credential.
 */
abstract class StackObservationCases {

	static final String NAME = DefaultDecisionObservationConvention.NAME;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AuthenticationEvents events;

	@Autowired
	AuditEventRepository audit;

	@BeforeEach
	void forgetEvents() {
		this.events.clear();
	}

	@Test
	void everyDecisionIsTimedWithItsOutcomeSchemeAndOperation() throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		String readToken = TestTokens.issuerToken("alice", "read");
		double okBearer = count("ok", "bearerAuth", "/items/{id}");
		double unauthorized = count("unauthorized", "none", "/items/{id}");
		double forbidden = count("forbidden", "none", "/admin");
		double okBoth = count("ok", "bearerAuth,apiKeyAuth", "/and");
		double okApiKey = count("ok", "apiKeyAuth", "/reports");
		double okPublic = count("ok", "none", "/public");
		double badRequest = count("bad_request", "none", "/single");

		assertThat(get("/items/1", "Authorization", "Bearer " + token)).isEqualTo(200);
		assertThat(get("/items/2", "Authorization", "Bearer " + token)).isEqualTo(200);
		assertThat(get("/items/3")).isEqualTo(401);
		assertThat(get("/items/4", "Authorization", "Bearer " + tampered(token))).isEqualTo(401);
		assertThat(get("/admin", "Authorization", "Bearer " + readToken)).isEqualTo(403);
		assertThat(get("/and", "Authorization", "Bearer " + token, "X-API-KEY", TestSecrets.REPORTS_KEY)).isEqualTo(200);
		assertThat(get("/reports", "X-API-KEY", TestSecrets.REPORTS_KEY)).isEqualTo(200);
		assertThat(get("/public", "Authorization", "Bearer abc")).isEqualTo(200);
		assertThat(get("/single", "Authorization", "Bearer " + token, "Authorization", "Bearer " + token)).isEqualTo(400);

		assertThat(count("ok", "bearerAuth", "/items/{id}") - okBearer).isEqualTo(2);
		assertThat(count("unauthorized", "none", "/items/{id}") - unauthorized).isEqualTo(2);
		assertThat(count("forbidden", "none", "/admin") - forbidden).isEqualTo(1);
		assertThat(count("ok", "bearerAuth,apiKeyAuth", "/and") - okBoth).isEqualTo(1);
		assertThat(count("ok", "apiKeyAuth", "/reports") - okApiKey).isEqualTo(1);
		assertThat(count("ok", "none", "/public") - okPublic).isEqualTo(1);
		assertThat(count("bad_request", "none", "/single") - badRequest).isEqualTo(1);
		List<String> tagValues = new ArrayList<>();
		this.meters.find(NAME).timers().forEach((timer) -> timer.getId().getTags().stream().map(Tag::getValue)
			.forEach(tagValues::add));
		assertThat(tagValues).doesNotContain("/items/1", "/items/3").noneMatch((value) -> value.contains(token)
				|| value.contains(TestSecrets.REPORTS_KEY) || value.contains("Bearer"));
	}

	@Test
	void theTimerIsReadThroughTheMetricsEndpoint() throws Exception {
		assertThat(get("/items/5")).isEqualTo(401);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send("/actuator/metrics/" + NAME + "?tag=outcome:unauthorized&tag=operation:/items/%7Bid%7D",
				"Authorization", basic);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"" + NAME + "\"")
			.contains("\"statistic\":\"COUNT\"")
			.contains("\"tag\":\"scheme\"")
			.contains("\"tag\":\"method\"");
	}

	@Test
	void authenticationSuccessAndFailureArePublishedWithTheSchemeAndWithoutTheCredential() throws Exception {
		Instant start = Instant.now();
		assertThat(get("/reports", "X-API-KEY", TestSecrets.REPORTS_KEY)).isEqualTo(200);
		assertThat(get("/reports", "X-API-KEY", TestSecrets.UNKNOWN_KEY)).isEqualTo(401);
		assertThat(this.events.all()).hasSize(2);
		AuthenticationSuccessEvent success = (AuthenticationSuccessEvent) this.events.all().get(0);
		assertThat(success.getAuthentication()).isInstanceOfSatisfying(NexiosAuthentication.class, (authentication) -> {
			assertThat(authentication.getSchemes()).containsExactly("apiKeyAuth");
			assertThat(authentication.getName()).isEqualTo("reports-service");
			assertThat(authentication.getCredentials()).isNull();
		});
		AuthenticationFailureBadCredentialsEvent failure = (AuthenticationFailureBadCredentialsEvent) this.events.all()
			.get(1);
		assertThat(failure.getAuthentication()).isInstanceOfSatisfying(RejectedCredential.class, (authentication) -> {
			assertThat(authentication.getScheme()).isEqualTo("apiKeyAuth");
			assertThat(authentication.getName()).isEqualTo("apiKeyAuth");
			assertThat(authentication.getCredentials()).isNull();
			assertThat(authentication.isAuthenticated()).isFalse();
		});
		assertThat(failure.getException().getMessage()).contains("apiKeyAuth");
		assertNoSecret(TestSecrets.REPORTS_KEY, TestSecrets.UNKNOWN_KEY);

		assertThat(this.audit.find("reports-service", start, "AUTHENTICATION_SUCCESS")).hasSize(1);
		assertThat(this.audit.find("apiKeyAuth", start, "AUTHENTICATION_FAILURE")).singleElement()
			.satisfies((event) -> assertThat(event.toString()).doesNotContain(TestSecrets.UNKNOWN_KEY));
	}

	@Test
	void aBearerTokenThatFailsVerificationIsAFailureThatDoesNotCarryIt() throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		String tampered = tampered(token);
		assertThat(get("/single", "Authorization", "Bearer " + token)).isEqualTo(200);
		assertThat(get("/single", "Authorization", "Bearer " + tampered)).isEqualTo(401);
		assertThat(this.events.all()).hasSize(2);
		assertThat(this.events.all().get(0)).isInstanceOfSatisfying(AuthenticationSuccessEvent.class,
				(success) -> assertThat(((NexiosAuthentication) success.getAuthentication()).getSchemes())
					.containsExactly("bearerAuth"));
		assertThat(this.events.all().get(1)).isInstanceOfSatisfying(AbstractAuthenticationFailureEvent.class,
				(failure) -> assertThat(((RejectedCredential) failure.getAuthentication()).getScheme())
					.isEqualTo("bearerAuth"));
		assertNoSecret(token, tampered, token.substring(token.lastIndexOf('.') + 1),
				tampered.substring(tampered.lastIndexOf('.') + 1));
	}

	@Test
	void noEventWithoutACredentialNorForARefusalOfAVerifiedOne() throws Exception {
		assertThat(get("/public")).isEqualTo(200);
		assertThat(get("/public", "Authorization", "Bearer abc")).isEqualTo(200);
		assertThat(get("/optional")).isEqualTo(200);
		assertThat(get("/single")).isEqualTo(401);
		assertThat(get("/admin", "Authorization", "Bearer " + TestTokens.issuerToken("alice", "read"))).isEqualTo(403);
		assertThat(this.events.all()).isEmpty();
	}

	private void assertNoSecret(String... secrets) {
		for (AbstractAuthenticationEvent event : this.events.all()) {
			List<String> texts = new ArrayList<>(List.of(event.toString(), event.getAuthentication().toString(),
					event.getAuthentication().getName(), String.valueOf(event.getAuthentication().getDetails()),
					String.valueOf(event.getAuthentication().getCredentials())));
			if (!(event.getAuthentication() instanceof NexiosAuthentication)) {
				texts.add(String.valueOf(event.getAuthentication().getPrincipal()));
			}
			if (event instanceof AbstractAuthenticationFailureEvent failure) {
				texts.add(failure.getException().toString());
			}
			for (String text : texts) {
				for (String secret : secrets) {
					assertThat(text).as("an event's text").doesNotContain(secret);
				}
			}
		}
	}

	/** The token with its signature changed: well-formed, signed by no one. */
	private static String tampered(String token) {
		int last = token.length() - 2;
		char replaced = (token.charAt(last) == 'A') ? 'B' : 'A';
		return token.substring(0, last) + replaced + token.substring(last + 1);
	}

	private double count(String outcome, String scheme, String operation) {
		Timer timer = this.meters.find(NAME)
			.tags("outcome", outcome, "scheme", scheme, "operation", operation, "method", "GET")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private int get(String path, String... headers) throws Exception {
		return send(path, headers).statusCode();
	}

	private HttpResponse<String> send(String path, String... headers) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Records authentication events, and keeps Spring Boot's audit events.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ObservationTestConfiguration {

		@Bean
		AuthenticationEvents authenticationEvents() {
			return new AuthenticationEvents();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

	}

	static final class AuthenticationEvents implements ApplicationListener<AbstractAuthenticationEvent> {

		private final List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AbstractAuthenticationEvent event) {
			this.events.add(event);
		}

		List<AbstractAuthenticationEvent> all() {
			return this.events;
		}

		void clear() {
			this.events.clear();
		}

	}

}
