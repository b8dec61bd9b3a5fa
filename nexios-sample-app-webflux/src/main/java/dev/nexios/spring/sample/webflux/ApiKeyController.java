package dev.nexios.spring.sample.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.nexios.spring.annotation.NexiosSecured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section 3 of the guide, API keys: one scheme per place a key can be sent (header, query parameter,
 * cookie), each declared in {@code application.yml} with the SHA-256 digests of the accepted keys.
 */
@RestController
@Tag(name = "3. API keys", description = "API keys in a header, a query parameter and a cookie")
class ApiKeyController {

	/** The guide's {@code GET /admin} with {@code apiKeyAuth}; {@code /admin/dashboard} is the OAuth2 one. */
	@NexiosSecured("apiKeyAuth")
	@Operation(summary = "Admin access (API Key)")
	@GetMapping("/admin/panel")
	Mono<Map<String, Object>> adminPanel() {
		return Caller.answer("Admin panel, opened with the X-API-KEY header.");
	}

	@NexiosSecured("apiKeyQuery")
	@Operation(summary = "Reports (API key as query parameter api_key)")
	@GetMapping("/reports")
	Mono<Map<String, Object>> reports() {
		return Caller.answer("Reports, opened with the api_key query parameter.");
	}

	@NexiosSecured("sessionCookie")
	@Operation(summary = "Current session (session_id cookie)")
	@GetMapping("/session")
	Mono<Map<String, Object>> session() {
		return Caller.answer("Session, opened with the session_id cookie.");
	}

}
