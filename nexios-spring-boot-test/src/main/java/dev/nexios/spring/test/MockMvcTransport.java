package dev.nexios.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends requests through a {@link MockMvc}, so through the filters it was built with (Spring
 * Security's filter chain when the test's MockMvc has it, as with {@code @AutoConfigureMockMvc}).
 */
final class MockMvcTransport implements Transport {

	private final MockMvc mockMvc;

	MockMvcTransport(MockMvc mockMvc) {
		this.mockMvc = mockMvc;
	}

	@Override
	public Response exchange(Call call) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method()),
				URI.create(call.pathAndQuery()));
		call.headers().forEach(request::header);
		call.cookies().forEach((name, value) -> request.cookie(new Cookie(name, value)));
		if (call.body() != null) {
			request.contentType(call.contentType()).content(call.body().getBytes(StandardCharsets.UTF_8));
		}
		try {
			MockHttpServletResponse response = this.mockMvc.perform(request).andReturn().getResponse();
			return new Response(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8), "");
		}
		catch (Exception ex) {
			// An exception that escaped MockMvc got past security into the application; a
			// servlet container answers it with 500.
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Response(500, "", "the application threw " + cause.getClass().getSimpleName());
		}
	}

	@Override
	public String target() {
		return "MockMvc";
	}

}
