package dev.nexios.spring.test;

import java.util.Map;

/**
 * Sends one request to the application under test: through MockMvc or over HTTP.
 */
interface Transport {

	Response exchange(Call call);

	/** What the report names as the target, e.g. {@code MockMvc}. */
	String target();

	/**
	 * One request.
	 * @param method the HTTP method
	 * @param pathAndQuery the encoded path with its query string, starting with {@code /}
	 * @param headers request headers
	 * @param cookies cookies
	 * @param contentType the body's media type, or {@code null} without body
	 * @param body the body, or {@code null}
	 */
	record Call(String method, String pathAndQuery, Map<String, String> headers, Map<String, String> cookies,
			String contentType, String body) {

	}

	/**
	 * The answer.
	 * @param status the HTTP status; -1 when no answer came (the note says why)
	 * @param body the body as text
	 * @param note a remark for the report (e.g. an exception the handler threw), or empty
	 */
	record Response(int status, String body, String note) {

	}

}
