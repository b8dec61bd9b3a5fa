package dev.nexios.spring.sample;

import java.util.Map;

import dev.nexios.spring.annotation.NexiosSecured;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section 1 of the guide, "Why Secure Your API?".
 */
@RestController
class GuideController {

	@GetMapping("/public")
	Map<String, String> publicInfo() {
		return Map.of("info", "Anyone can see this.");
	}

	@NexiosSecured("bearerAuth")
	@GetMapping("/private")
	Map<String, String> privateInfo() {
		return Map.of("info", "Only authenticated users see this.");
	}

}
