package dev.nexios.spring.sample.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.nexios.spring.annotation.NexiosSecured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section 4 of the guide, "OAuth2 Authentication (with Scopes)": the {@code oauth2} scheme with the
 * password flow whose {@code tokenUrl} is the demo's {@code POST /auth/token}; each endpoint requires a
 * scope.
 */
@RestController
@Tag(name = "4. OAuth2 with scopes", description = "The oauth2 password flow; log in with Authorize")
class OAuth2Controller {

	/** The guide's {@code GET /admin} with {@code oauth2: [admin]}; {@code /admin/panel} is the API key one. */
	@NexiosSecured(value = "oauth2", scopes = "admin")
	@Operation(summary = "Admin-only endpoint")
	@GetMapping("/admin/dashboard")
	Mono<Map<String, Object>> adminDashboard() {
		return Caller.answer("Admin dashboard, opened with the admin scope.");
	}

	@NexiosSecured(value = "oauth2", scopes = "read")
	@Operation(summary = "List documents (scope read)")
	@GetMapping("/documents")
	Mono<Map<String, Object>> documents() {
		return Caller.answer("Documents, opened with the read scope.");
	}

	@NexiosSecured(value = "oauth2", scopes = "write")
	@Operation(summary = "Create a document (scope write)")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/documents")
	Mono<Map<String, Object>> createDocument(@RequestBody(required = false) Map<String, Object> document) {
		return Caller.answer("Document created, with the write scope.")
			.doOnNext((answer) -> answer.put("document", (document != null) ? document : Map.of()));
	}

}
