package dev.nexios.spring.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server under the context path {@code /ctx} behind a reverse proxy
 * ({@code server.forward-headers-strategy=framework}): root-relative URLs of the schemes are written
 * below the path of the document's {@code servers[0]}, for each request (springdoc builds the document
 * once and sets {@code servers} per request), and absolute URLs stay as declared.
 *
 * <p>Spring's {@code ForwardedHeaderFilter} uses {@code X-Forwarded-Prefix} in place of the context
 * path: a proxy that forwards {@code https://api.example/gw/ctx/...} to {@code /ctx/...} sends
 * {@code X-Forwarded-Prefix: /gw/ctx}; one that forwards {@code https://api.example/gw/...} to
 * {@code /ctx/...} sends {@code /gw}.
 */
@SpringBootTest(classes = DocsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=openapi-docs", "server.servlet.context-path=/ctx",
				"server.forward-headers-strategy=framework",
				"nexios.security.schemes.oidc.open-id-connect-url=/.well-known/openid-configuration",
				"spring.security.user.name=docs", "spring.security.user.password=docs" })
class ForwardedDocumentTest {

	@LocalServerPort
	int port;

	JsonNode fetch(String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/ctx/v3/api-docs"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("docs:docs".getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		OpenApiDocumentTest.assertValid(response.body());
		return OpenApiDocumentTest.JSON.readTree(response.body());
	}

	JsonNode fetchThroughProxy() throws Exception {
		return fetch("X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example", "X-Forwarded-Prefix", "/gw/ctx");
	}

	@Test
	void rootRelativeUrlsResolveThroughTheProxyPrefixLikeTheServer() throws Exception {
		JsonNode doc = fetchThroughProxy();
		assertThat(doc.at("/servers/0/url").asString()).isEqualTo("https://api.example/gw/ctx");
		JsonNode schemes = doc.path("components").path("securitySchemes");
		assertThat(schemes.at("/oauth2/flows/password")).isEqualTo(OpenApiDocumentTest.json("""
				{'tokenUrl': '/gw/ctx/auth/token', 'refreshUrl': '/gw/ctx/auth/refresh',
				 'scopes': {'read': 'Read access', 'write': 'Write access'}}"""));
		assertThat(schemes.at("/oidc/openIdConnectUrl").asString()).isEqualTo("/gw/ctx/.well-known/openid-configuration");
		assertThat(URI.create(doc.at("/servers/0/url").asString())
			.resolve(schemes.at("/oauth2/flows/password/tokenUrl").asString())
			.toString()).isEqualTo("https://api.example/gw/ctx/auth/token");
	}

	@Test
	void absoluteUrlsStayAsDeclared() throws Exception {
		JsonNode flows = fetchThroughProxy().at("/components/securitySchemes/oauth2/flows");
		assertThat(flows.at("/authorizationCode/authorizationUrl").asString())
			.isEqualTo("https://issuer.example/oauth2/authorize");
		assertThat(flows.at("/authorizationCode/tokenUrl").asString()).isEqualTo("https://issuer.example/oauth2/token");
		assertThat(flows.at("/clientCredentials/tokenUrl").asString()).isEqualTo("https://issuer.example/oauth2/token");
		assertThat(flows.at("/implicit/authorizationUrl").asString()).isEqualTo("https://issuer.example/oauth2/authorize");
	}

	@Test
	void eachRequestGetsTheUrlsOfItsOwnServer() throws Exception {
		JsonNode proxied = fetchThroughProxy();
		JsonNode direct = fetch();
		JsonNode replacingPrefix = fetch("X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example",
				"X-Forwarded-Prefix", "/gw");
		assertThat(direct.at("/servers/0/url").asString()).isEqualTo("http://localhost:" + this.port + "/ctx");
		assertThat(direct.at("/components/securitySchemes/oauth2/flows/password/tokenUrl").asString())
			.isEqualTo("/ctx/auth/token");
		assertThat(replacingPrefix.at("/servers/0/url").asString()).isEqualTo("https://api.example/gw");
		assertThat(replacingPrefix.at("/components/securitySchemes/oauth2/flows/password/tokenUrl").asString())
			.isEqualTo("/gw/auth/token");
		assertThat(fetchThroughProxy()).isEqualTo(proxied);
	}

}
