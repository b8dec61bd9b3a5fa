package dev.nexios.spring.sample.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.annotation.Requirement;
import dev.nexios.spring.annotation.Scheme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section 5 of the guide, "Combining Security Schemes": alternatives (OR) and schemes required together
 * (AND).
 */
@RestController
@Tag(name = "5. Combining schemes", description = "Alternatives (OR) and schemes required together (AND)")
class CombinedController {

	@NexiosSecured({ "bearerAuth", "apiKeyAuth" })
	@Operation(summary = "Superuser panel (JWT or API key)")
	@GetMapping("/superuser")
	Mono<Map<String, Object>> superuser() {
		return Caller.answer("Superuser panel, opened with a bearer token or the API key.");
	}

	@NexiosSecured(anyOf = @Requirement(schemes = { @Scheme(name = "oauth2", scopes = "read"),
			@Scheme(name = "apiKeyAuth") }))
	@Operation(summary = "Audit log (OAuth2 scope read and API key together)")
	@GetMapping("/audit")
	Mono<Map<String, Object>> audit() {
		return Caller.answer("Audit log, opened with a read token and the API key together.");
	}

}
