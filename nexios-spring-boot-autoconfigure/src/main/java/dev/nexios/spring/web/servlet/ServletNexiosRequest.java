package dev.nexios.spring.web.servlet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.nexios.spring.core.NexiosRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;

/**
 * A servlet request as the stack-neutral evaluation reads it.
 */
record ServletNexiosRequest(HttpServletRequest request) implements NexiosRequest {

	@Override
	public List<String> headers(String name) {
		Enumeration<String> values = this.request.getHeaders(name);
		return (values != null) ? Collections.list(values) : List.of();
	}

	@Override
	public boolean hasSeveral(String name) {
		Enumeration<String> values = this.request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		values.nextElement();
		return values.hasMoreElements();
	}

	@Override
	public String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public String queryString() {
		return this.request.getQueryString();
	}

	@Override
	public List<String> cookies(String name) {
		Cookie[] cookies = this.request.getCookies();
		List<String> values = new ArrayList<>(1);
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName())) {
					values.add(cookie.getValue());
				}
			}
		}
		return values;
	}

	@Override
	public String method() {
		return this.request.getMethod();
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
