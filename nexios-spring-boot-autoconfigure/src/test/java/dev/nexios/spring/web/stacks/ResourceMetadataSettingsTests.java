package dev.nexios.spring.web.stacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the protected resource metadata (RFC 9728) is served and what it says, on each stack (Tomcat
 * with Spring MVC, Reactor Netty with WebFlux): without a bearer-token scheme, or with
 * {@code nexios.security.resource-metadata.enabled=false}, its path is closed like any path without an
 * operation and no challenge names it; behind a reverse proxy its {@code resource} and the URL that
 * challenges name are those the client sees.
 */
class ResourceMetadataSettingsTests {

	private static final String PATH = "/.well-known/oauth-protected-resource";

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void withoutABearerTokenSchemeNothingIsServed(String stack) throws Exception {
		try (ConfigurableApplicationContext app = start(stack, "nexios.security.schemes.bearerAuth.enabled=false",
				"nexios.security.schemes.basicAuth.type=http", "nexios.security.schemes.basicAuth.scheme=basic",
				"nexios.security.default-requirements[0].basicAuth=")) {
			HttpResponse<String> metadata = get(app, PATH);
			assertThat(metadata.statusCode()).isEqualTo(401);
			assertThat(metadata.body()).doesNotContain("authorization_servers");
			HttpResponse<String> refused = get(app, "/secured");
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().allValues("WWW-Authenticate")).singleElement()
				.asString()
				.startsWith("Basic ")
				.doesNotContain("resource_metadata");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void disabledNothingIsServedNorNamed(String stack) throws Exception {
		try (ConfigurableApplicationContext app = start(stack, "nexios.security.resource-metadata.enabled=false")) {
			HttpResponse<String> metadata = get(app, PATH);
			assertThat(metadata.statusCode()).isEqualTo(401);
			assertThat(metadata.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
			assertThat(metadata.body()).doesNotContain("bearer_methods_supported");
			assertThat(get(app, "/secured").headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		}
	}

	/**
	 * With a configured resource identifier, challenges name the metadata below it, not below the URL (the
	 * {@code Host}) the request came with: the metadata they name is the one whose {@code resource} the client
	 * checks (RFC 9728 §3.3).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void aConfiguredResourceIsWhatChallengesName(String stack) throws Exception {
		try (ConfigurableApplicationContext app = start(stack,
				"nexios.security.resource-metadata.resource=https://api.example")) {
			// requested at http://localhost:<port>, named at the configured identifier
			HttpResponse<String> refused = get(app, "/secured");
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().allValues("WWW-Authenticate"))
				.containsExactly("Bearer resource_metadata=\"https://api.example" + PATH + "\"");
			assertThat(json(get(app, PATH)).get("resource").asText()).isEqualTo("https://api.example");
		}
	}

	/**
	 * A proxy forwards {@code https://api.example/gw/...} with {@code X-Forwarded-Prefix: /gw}: on Tomcat to
	 * the context path {@code /ctx} (Spring's {@code ForwardedHeaderFilter} puts the prefix in its place), on
	 * WebFlux to the root (its {@code ForwardedHeaderTransformer} puts the prefix before the path).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void behindAProxyTheResourceIsTheUrlTheClientSees(String stack) throws Exception {
		boolean servlet = stack.equals("servlet");
		String contextPath = servlet ? "/ctx" : "";
		try (ConfigurableApplicationContext app = start(stack, "server.forward-headers-strategy=framework",
				"server.servlet.context-path=" + contextPath,
				"nexios.security.resource-metadata.resource-documentation=https://docs.example/api",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.example",
				"spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:enforcement/issuer-public.pem")) {
			String[] proxy = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example", "X-Forwarded-Prefix",
					"/gw" };
			JsonNode metadata = json(get(app, contextPath + PATH, proxy));
			assertThat(metadata.get("resource").asText()).isEqualTo("https://api.example/gw");
			assertThat(metadata.get("authorization_servers").toString()).isEqualTo("[\"https://issuer.example\"]");
			assertThat(metadata.get("resource_documentation").asText()).isEqualTo("https://docs.example/api");
			assertThat(metadata.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
			assertThat(metadata.has("scopes_supported")).isFalse();
			assertThat(metadata.has("tls_client_certificate_bound_access_tokens")).isFalse();
			HttpResponse<String> refused = get(app, contextPath + "/secured", proxy);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().allValues("WWW-Authenticate"))
				.containsExactly("Bearer resource_metadata=\"https://api.example/gw" + PATH + "\"");
			String direct = "http://localhost:" + port(app) + contextPath;
			assertThat(json(get(app, contextPath + PATH)).get("resource").asText()).isEqualTo(direct);
			assertThat(get(app, contextPath + "/secured").headers().allValues("WWW-Authenticate"))
				.containsExactly("Bearer resource_metadata=\"" + direct + PATH + "\"");
		}
	}

	private static ConfigurableApplicationContext start(String stack, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.config.name=resource-metadata-settings",
				"spring.main.web-application-type=" + stack, "springdoc.swagger-ui.enabled=false"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(stack.equals("servlet") ? ServletApplication.class : ReactiveApplication.class)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new ObjectMapper().readTree(response.body());
	}

	@RestController
	static class UndeclaredController {

		/** Declares nothing: the default requirements. */
		@GetMapping("/secured")
		String secured() {
			return "secured";
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(UndeclaredController.class)
	static class ServletApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(UndeclaredController.class)
	static class ReactiveApplication {

		/**
		 * Reactor Netty on event loops of its own: closing this application must not dispose the global
		 * ones, which the cached contexts of the other reactive tests keep serving on.
		 */
		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

		@Bean
		NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ReactorResourceFactory resources) {
			NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
			factory.setResourceFactory(resources);
			return factory;
		}

	}

}
