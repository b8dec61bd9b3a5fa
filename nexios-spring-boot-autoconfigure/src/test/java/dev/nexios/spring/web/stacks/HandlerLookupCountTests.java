package dev.nexios.spring.web.stacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import dev.nexios.spring.web.servlet.TestSecrets;
import dev.nexios.spring.web.servlet.TestTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request, one handler lookup: Spring MVC's {@code RequestMappingHandlerMapping} of the application is
 * instrumented, and each request through Tomcat and the whole chain (the Nexios filter, Spring Security's
 * {@code CorsFilter}, the {@code DispatcherServlet}) asks it once, as an application without the starter
 * does — also for CORS preflight and actual CORS requests, and for a path variable.
 */
@SpringBootTest(classes = { ServletStackApplication.class, HandlerLookupCountTests.CountingMappings.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet" })
class HandlerLookupCountTests {

	@LocalServerPort
	int port;

	@Autowired
	CountingMappings counting;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void warmUp() throws Exception {
		// the first request initializes the DispatcherServlet
		send("GET", "/public");
	}

	@Test
	void aSecuredRequestIsLookedUpOnce() throws Exception {
		HttpResponse<String> response = countedSend(1, "GET", "/single", "Authorization",
				"Bearer " + TestTokens.issuerToken("alice", "read"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("single");
	}

	@Test
	void aPathVariableIsBoundFromTheOneLookup() throws Exception {
		HttpResponse<String> response = countedSend(1, "GET", "/items/42", "Authorization",
				"Bearer " + TestTokens.issuerToken("alice", "read"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("item 42");
	}

	@Test
	void anApiKeyRequestAndAPublicOneAreLookedUpOnce() throws Exception {
		assertThat(countedSend(1, "GET", "/reports", "X-API-KEY", TestSecrets.REPORTS_KEY).body())
			.isEqualTo("reports");
		assertThat(countedSend(1, "GET", "/public").body()).isEqualTo("public");
	}

	@Test
	void aRefusedRequestIsLookedUpOnce() throws Exception {
		assertThat(countedSend(1, "GET", "/single").statusCode()).isEqualTo(401);
	}

	@Test
	void aCorsPreflightIsLookedUpOnce() throws Exception {
		HttpResponse<String> response = countedSend(1, "OPTIONS", "/single", "Origin", "https://app.example",
				"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "Authorization");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		HttpResponse<String> refused = countedSend(1, "OPTIONS", "/single", "Origin", "https://evil.example",
				"Access-Control-Request-Method", "GET");
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void anActualCorsRequestIsLookedUpOnce() throws Exception {
		HttpResponse<String> response = countedSend(1, "GET", "/items/7", "Origin", "https://app.example",
				"Authorization", "Bearer " + TestTokens.issuerToken("alice", "read"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("item 7");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		HttpResponse<String> refused = countedSend(1, "GET", "/single", "Origin", "https://app.example");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		HttpResponse<String> otherOrigin = countedSend(1, "GET", "/public", "Origin", "https://evil.example");
		assertThat(otherOrigin.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> countedSend(int lookups, String method, String path, String... headers)
			throws Exception {
		this.counting.lookups.set(0);
		HttpResponse<String> response = send(method, path, headers);
		assertThat(this.counting.lookups.get()).as("handler lookups of %s %s", method, path).isEqualTo(lookups);
		return response;
	}

	private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The application's {@code RequestMappingHandlerMapping}, counting its lookups.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingMappings {

		final AtomicInteger lookups = new AtomicInteger();

		@Bean
		WebMvcRegistrations countingRegistrations() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new RequestMappingHandlerMapping() {
						@Override
						protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
							CountingMappings.this.lookups.incrementAndGet();
							return super.getHandlerInternal(request);
						}
					};
				}
			};
		}

	}

}
