package dev.nexios.spring.web.reactive;

import java.util.ArrayList;
import java.util.List;

import dev.nexios.spring.core.NexiosRequest;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.reactive.CorsUtils;

/**
 * A reactive request as the stack-neutral evaluation reads it.
 */
record ReactiveNexiosRequest(ServerHttpRequest request) implements NexiosRequest {

	@Override
	public List<String> headers(String name) {
		List<String> values = this.request.getHeaders().get(name);
		return (values != null) ? values : List.of();
	}

	@Override
	public String queryString() {
		return this.request.getURI().getRawQuery();
	}

	@Override
	public List<String> cookies(String name) {
		List<HttpCookie> cookies = this.request.getCookies().get(name);
		List<String> values = new ArrayList<>(1);
		if (cookies != null) {
			cookies.forEach((cookie) -> values.add(cookie.getValue()));
		}
		return values;
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public boolean isCrossOrigin() {
		try {
			return CorsUtils.isCorsRequest(this.request);
		}
		catch (RuntimeException ex) {
			// an Origin that is not a URI cannot be this site's
			return true;
		}
	}

}
