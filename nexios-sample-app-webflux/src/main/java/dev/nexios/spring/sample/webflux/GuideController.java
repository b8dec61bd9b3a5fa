package dev.nexios.spring.sample.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section 1 of the guide, "Why Secure Your API?": one public and one protected endpoint.
 */
@RestController
@Tag(name = "1. Why secure your API", description = "A public endpoint and a protected one")
class GuideController {

	@NexiosPublic
	@GetMapping("/public")
	Mono<Map<String, Object>> publicInfo() {
		return Mono.just(Map.of("info", "Anyone can see this."));
	}

	@NexiosSecured("bearerAuth")
	@GetMapping("/private")
	Mono<Map<String, Object>> privateInfo() {
		return Caller.answer("Only authenticated users see this.");
	}

}
