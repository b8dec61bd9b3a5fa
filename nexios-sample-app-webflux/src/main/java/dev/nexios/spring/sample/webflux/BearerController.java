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
 * Section 2 of the guide, "Bearer (JWT) Authentication": endpoints protected by the default
 * {@code bearerAuth} scheme, and one by the custom bearer scheme {@code jwtAuth} declared in
 * {@code application.yml}. Both accept the tokens of {@code POST /auth/token}.
 */
@RestController
@Tag(name = "2. Bearer (JWT)", description = "The default bearerAuth scheme and the custom jwtAuth scheme")
class BearerController {

	@NexiosSecured("bearerAuth")
	@Operation(summary = "Get user profile (JWT required)")
	@GetMapping("/profile")
	Mono<Map<String, Object>> profile() {
		return Caller.answer("Your profile.");
	}

	@NexiosSecured("bearerAuth")
	@GetMapping("/settings")
	Mono<Map<String, Object>> settings() {
		return Caller.answer("Your settings.");
	}

	@NexiosSecured("bearerAuth")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/posts")
	Mono<Map<String, Object>> createPost(@RequestBody(required = false) Map<String, Object> post) {
		return Caller.answer("Post created.").doOnNext((answer) -> answer.put("post", (post != null) ? post : Map.of()));
	}

	@NexiosSecured("jwtAuth")
	@Operation(summary = "Who am I (custom jwtAuth scheme)")
	@GetMapping("/whoami")
	Mono<Map<String, Object>> whoami() {
		return Caller.answer("Authenticated with the jwtAuth scheme.");
	}

}
