package dev.nexios.spring.sample.webflux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP requests to the sample running on a port: no mock, the whole filter chain answers.
 */
public final class SampleHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String baseUrl;

	public SampleHttp(int port) {
		this(port, "");
	}

	public SampleHttp(int port, String contextPath) {
		this.baseUrl = "http://localhost:" + port + contextPath;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sends a request.
	 * @param method the HTTP method
	 * @param path the path below the context path, with any query string
	 * @param body the body ({@code null} for none)
	 * @param headers header name, value, name, value...
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	/**
	 * Posts form parameters to the token endpoint.
	 * @param parameters name, value, name, value...
	 * @return the response
	 */
	public HttpResponse<String> token(String... parameters) {
		return send("POST", "/auth/token", form(parameters), "Content-Type", "application/x-www-form-urlencoded");
	}

	/**
	 * Logs a demo user in through the password grant.
	 * @param username the username
	 * @param password the password
	 * @param scope the requested scope, or {@code null}
	 * @return the access token
	 */
	public String accessToken(String username, String password, String scope) {
		HttpResponse<String> response = (scope != null)
				? token("grant_type", "password", "username", username, "password", password, "scope", scope)
				: token("grant_type", "password", "username", username, "password", password);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return json(response).get("access_token").asString();
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json(response.body());
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	public static String form(String... parameters) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			form.append((i > 0) ? "&" : "")
				.append(URLEncoder.encode(parameters[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

}
