package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.nexios.spring.annotation.NexiosSecured;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's attack: the filter looks the handler up on the request as Tomcat parsed it, the
 * {@code DispatcherServlet} on the request that its {@code MultipartResolver} wrapped
 * ({@code StandardMultipartHttpServletRequest}), and the two disagree on which multipart parts are
 * parameters. Tomcat takes a part whose {@code Content-Disposition} has {@code filename ="x"} (a space before
 * the {@code =}) for a file, Spring's {@code ContentDisposition} for a form field, which
 * {@code StandardMultipartHttpServletRequest#getParameterMap()} adds. A {@code params} condition thus fails in
 * the filter's lookup (LOOKUP_FAILED: the default requirements, which any valid token meets) and matches in the
 * dispatcher's own second lookup ({@code ResolvedDispatchHandlerMapping} returns {@code null} for a dispatch
 * without handler).
 */
@SpringBootTest(classes = MultipartParamsDispatchTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet",
				"nexios.security.default-requirements[0].bearerAuth=" })
class MultipartParamsDispatchTests {

	private static final String BOUNDARY = "nexiosBoundary7MA4YWxkTrZu0gW";

	@LocalServerPort
	int port;

	private HttpResponse<String> postMultipart(String path, String partDisposition, String... headers) {
		String body = "--" + BOUNDARY + "\r\n" + "Content-Disposition: " + partDisposition + "\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + "yes\r\n" + "--" + BOUNDARY + "--\r\n";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aFormFieldSatisfyingTheParamsConditionIsDecidedOnTheSecuredHandler() {
		String field = "form-data; name=\"confirm\"";
		assertThat(postMultipart("/admin/purge", field).statusCode()).isEqualTo(401);
		assertThat(postMultipart("/admin/purge", field, HttpHeaders.AUTHORIZATION, TestTokens.bearer("read"))
			.statusCode()).isEqualTo(403);
		assertThat(postMultipart("/admin/purge", field, HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin")).body())
			.isEqualTo("purged");
	}

	@Test
	void aPartThatOnlySpringTakesForAFieldDoesNotReachTheSecuredHandlerWithoutItsScope() {
		// Tomcat: a file (not a parameter); Spring's ContentDisposition: no filename, a field named "confirm"
		String ambiguous = "form-data; name=\"confirm\"; filename =\"x.txt\"";
		HttpResponse<String> response = postMultipart("/admin/purge", ambiguous, HttpHeaders.AUTHORIZATION,
				TestTokens.bearer("read"));
		assertThat(response.body()).as("%s %s", response.statusCode(), response.body()).doesNotContain("purged");
		assertThat(response.statusCode()).isIn(400, 403);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controllers.class)
	static class Application {

	}

	@RestController
	static class Controllers {

		@NexiosSecured(value = "oauth2", scopes = "admin")
		@PostMapping(path = "/admin/purge", params = "confirm")
		String purge() {
			return "purged";
		}

	}

}
