package dev.nexios.spring.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the sample's endpoints answer: a message, and who called with which authorities, so that a
 * {@code curl} or Swagger UI user sees which credential was accepted.
 */
final class Caller {

	private Caller() {
	}

	static Map<String, Object> answer(String info) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("info", info);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()) {
			body.put("principal", authentication.getName());
			List<String> authorities = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList();
			body.put("authorities", authorities);
		}
		return body;
	}

}
