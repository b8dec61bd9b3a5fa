package dev.nexios.spring.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.nexios.spring.core.NexiosAuthentication;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the sample's endpoints answer: a message, and who called, through which schemes, with which
 * scopes, so that a {@code curl} or Swagger UI user sees which credential was accepted.
 */
final class Caller {

	private Caller() {
	}

	static Map<String, Object> answer(String info) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("info", info);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof NexiosAuthentication user) {
			body.put("principal", user.getName());
			body.put("schemes", user.getSchemes());
			body.put("scopes", user.getScopes());
		}
		return body;
	}

}
