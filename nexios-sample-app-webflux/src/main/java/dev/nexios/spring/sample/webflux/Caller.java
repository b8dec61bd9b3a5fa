package dev.nexios.spring.sample.webflux;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.nexios.spring.core.NexiosAuthentication;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * What the sample's endpoints answer: a message, and who called, through which schemes, with which
 * scopes. On WebFlux the caller is in the Reactor context ({@link ReactiveSecurityContextHolder}), not
 * in a thread-local {@code SecurityContextHolder}.
 */
final class Caller {

	private Caller() {
	}

	static Mono<Map<String, Object>> answer(String info) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map((authentication) -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("info", info);
				if (authentication instanceof NexiosAuthentication user) {
					body.put("principal", user.getName());
					body.put("schemes", user.getSchemes());
					body.put("scopes", user.getScopes());
				}
				return body;
			})
			.defaultIfEmpty(new LinkedHashMap<>(Map.of("info", info)));
	}

}
