package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat itself rejects, before any filter runs, must not put the credential they carry
 * into the log: Tomcat quotes the offending line at INFO, which the starter's logging defaults raise.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = EnforcementTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=enforcement")
class MalformedRequestLogTests {

	@LocalServerPort
	int port;

	@Test
	void apiKeyInAMalformedHeaderLineIsNotLogged(CapturedOutput output) throws IOException {
		String status = send("GET /single HTTP/1.1\r\nHost: localhost\r\nX-API-KEY: " + TestSecrets.REPORTS_KEY
				+ "\u0001\r\nConnection: close\r\n\r\n");
		assertThat(status).startsWith("HTTP/1.1 400");
		assertThat(output.getAll()).doesNotContain(TestSecrets.REPORTS_KEY);
	}

	@Test
	void apiKeyInAMalformedQueryStringIsNotLogged(CapturedOutput output) throws IOException {
		String status = send("GET /query?api_key=" + TestSecrets.QUERY_KEY
				+ "{x} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(status).startsWith("HTTP/1.1 400");
		assertThat(output.getAll()).doesNotContain(TestSecrets.QUERY_KEY);
	}

	@Test
	void apiKeyInAMalformedCookieIsNotLogged(CapturedOutput output) throws IOException {
		send("GET /cookie HTTP/1.1\r\nHost: localhost\r\nCookie: API_KEY=" + TestSecrets.COOKIE_KEY
				+ "\"; other=\"x\r\nConnection: close\r\n\r\n");
		assertThat(output.getAll()).doesNotContain(TestSecrets.COOKIE_KEY);
	}

	/**
	 * Sends raw bytes, as a client that does not check what it sends, and returns the status line.
	 */
	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = response.indexOf("\r\n");
			return (end >= 0) ? response.substring(0, end) : response;
		}
	}

}
