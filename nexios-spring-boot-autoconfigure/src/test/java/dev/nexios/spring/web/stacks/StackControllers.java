package dev.nexios.spring.web.stacks;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.annotation.Requirement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations that both stacks serve in the shared enforcement tests: the same annotated controller
 * on Spring MVC and on WebFlux.
 */
@RestController
public class StackControllers {

	@NexiosSecured("bearerAuth")
	@GetMapping("/single")
	public String single() {
		return "single";
	}

	@NexiosSecured({ "bearerAuth", "apiKeyAuth" })
	@GetMapping("/or")
	public String or() {
		return "or";
	}

	@NexiosSecured(anyOf = @Requirement({ "bearerAuth", "apiKeyAuth" }))
	@GetMapping("/and")
	public String and() {
		return "and";
	}

	@NexiosSecured(value = "oauth2", scopes = "admin")
	@GetMapping("/admin")
	public String admin() {
		return "admin";
	}

	@NexiosSecured(value = "bearerAuth", optional = true)
	@GetMapping("/optional")
	public String optional() {
		return "optional";
	}

	@NexiosPublic
	@GetMapping("/public")
	public String open() {
		return "public";
	}

	@GetMapping("/default")
	public String byDefault() {
		return "default";
	}

	@NexiosSecured("basicAuth")
	@GetMapping("/basic")
	public String basic() {
		return "basic";
	}

	@NexiosSecured({ "basicAuth", "bearerAuth" })
	@PostMapping("/transfer")
	public String transfer() {
		return "transfer";
	}

	@NexiosSecured("cookieKey")
	@PostMapping("/cookie")
	public String cookie() {
		return "cookie";
	}

	@NexiosSecured(value = "apiKeyAuth", scopes = "reports")
	@GetMapping("/reports")
	public String reports() {
		return "reports";
	}

	@NexiosSecured("bearerAuth")
	@GetMapping("/items/{id}")
	public String item(@PathVariable String id) {
		return "item " + id;
	}

}
