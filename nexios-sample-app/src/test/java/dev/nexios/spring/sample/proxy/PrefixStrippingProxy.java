package dev.nexios.spring.sample.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny reverse proxy on a free local port: it serves {@code http://localhost:<port><prefix>/...}
 * by forwarding {@code /...} to the application, with {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}
 * and {@code X-Forwarded-Prefix} (the public path of the application's context path, which Spring's
 * {@code ForwardedHeaderFilter} uses in place of the context path). Anything outside the prefix is 404.
 */
public final class PrefixStrippingProxy implements AutoCloseable {

	/** Headers that the JDK client sets itself, or that describe one hop only (RFC 9110 §7.6.1). */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
			"keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "date");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	/**
	 * Starts the proxy.
	 * @param prefix the path the proxy strips, e.g. {@code /gw}
	 * @param backend the application's origin, e.g. {@code http://localhost:8080}
	 * @param contextPath the application's context path, e.g. {@code /ctx}
	 */
	public PrefixStrippingProxy(String prefix, String backend, String contextPath) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				String path = exchange.getRequestURI().getRawPath();
				if (!path.startsWith(prefix + "/")) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				forward(exchange, backend + path.substring(prefix.length()), prefix + contextPath);
			}
		});
		this.server.start();
	}

	/**
	 * The port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	private void forward(HttpExchange exchange, String target, String forwardedPrefix) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ((query != null) ? "?" + query : "")))
			.method(exchange.getRequestMethod(),
					(body.length > 0) ? BodyPublishers.ofByteArray(body) : BodyPublishers.noBody());
		for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
			if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				header.getValue().forEach((value) -> request.header(header.getKey(), value));
			}
		}
		request.header("X-Forwarded-Proto", "http")
			.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"))
			.header("X-Forwarded-Prefix", forwardedPrefix);
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		response.headers().map().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				exchange.getResponseHeaders().put(name, values);
			}
		});
		byte[] responseBody = response.body();
		exchange.sendResponseHeaders(response.statusCode(), (responseBody.length > 0) ? responseBody.length : -1);
		if (responseBody.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(responseBody);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
