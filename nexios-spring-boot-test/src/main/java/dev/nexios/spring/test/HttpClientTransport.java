package dev.nexios.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Sends requests over HTTP with the JDK {@link HttpClient} to a running application.
 */
final class HttpClientTransport implements Transport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final HttpClient client;

	HttpClientTransport(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Response exchange(Call call) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + call.pathAndQuery()))
			.timeout(TIMEOUT)
			.method(call.method(), (call.body() != null) ? HttpRequest.BodyPublishers.ofString(call.body())
					: HttpRequest.BodyPublishers.noBody());
		call.headers().forEach(request::header);
		if (!call.cookies().isEmpty()) {
			request.header("Cookie", call.cookies()
				.entrySet()
				.stream()
				.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		if (call.body() != null) {
			request.header("Content-Type", call.contentType());
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), "");
		}
		catch (IOException ex) {
			// no status: the cell cannot be decided, which the check reports as skipped
			return new Response(-1, "", "could not send the request to " + this.baseUrl + ": "
					+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	@Override
	public String target() {
		return this.baseUrl;
	}

}
