package dev.nexios.spring.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.apikey.ApiKeyInfo;
import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of the API keys of {@code apiKeyAuth} that live in the database
 * ({@code store: jdbc}), through the starter's {@link ApiKeyIssuer}: only for callers with the OAuth2
 * {@code admin} scope. A key is shown once, when issued or rotated; listings never show it.
 */
@RestController
@RequestMapping("/admin/api-keys")
@NexiosSecured(value = "oauth2", scopes = "admin")
@Tag(name = "6. API keys in a database", description = "Issue, list, revoke and rotate the keys of apiKeyAuth (scope admin)")
class ApiKeyAdminController {

	static final String SCHEME = "apiKeyAuth";

	private final ApiKeyIssuer issuer;

	ApiKeyAdminController(ApiKeyIssuer issuer) {
		this.issuer = issuer;
	}

	@Operation(summary = "Issue an API key for X-API-KEY (shown once)")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Map<String, Object> issue(@RequestBody NewApiKey request) {
		if (request.expiresInDays() != null && (request.expiresInDays() < 1 || request.expiresInDays() > 3650)) {
			throw new IllegalArgumentException("expiresInDays is 1 to 3650");
		}
		Instant expiresAt = (request.expiresInDays() != null)
				? Instant.now().plus(Duration.ofDays(request.expiresInDays())) : null;
		IssuedApiKey issued = this.issuer.issue(SCHEME, request.principal(),
				(request.scopes() != null) ? Set.copyOf(request.scopes()) : Set.of(), expiresAt);
		Map<String, Object> answer = describe(issued.info());
		answer.put("key", issued.key());
		return answer;
	}

	@Operation(summary = "List the API keys of X-API-KEY (never the keys themselves)")
	@GetMapping
	Map<String, Object> list() {
		List<Map<String, Object>> keys = this.issuer.list(SCHEME).stream().map(ApiKeyAdminController::describe).toList();
		return Map.of("keys", keys);
	}

	@Operation(summary = "Revoke an API key")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathVariable String id) {
		return this.issuer.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@Operation(summary = "Replace an API key with a new one (shown once); the old one is revoked")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/rotation")
	Map<String, Object> rotate(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathVariable String id) {
		IssuedApiKey issued = this.issuer.rotate(id, Duration.ZERO);
		Map<String, Object> answer = describe(issued.info());
		answer.put("key", issued.key());
		return answer;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static Map<String, Object> describe(ApiKeyInfo info) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", info.id());
		answer.put("principal", info.principal());
		answer.put("scopes", new TreeSet<>(info.scopes()));
		answer.put("hint", info.hint());
		answer.put("createdAt", info.createdAt().toString());
		answer.put("expiresAt", (info.expiresAt() != null) ? info.expiresAt().toString() : null);
		answer.put("revokedAt", (info.revokedAt() != null) ? info.revokedAt().toString() : null);
		answer.put("lastUsedAt", (info.lastUsedAt() != null) ? info.lastUsedAt().toString() : null);
		return answer;
	}

	/**
	 * The key to issue.
	 *
	 * @param principal who the key authenticates
	 * @param scopes the scopes the key grants
	 * @param expiresInDays days until the key expires; none for a key that does not expire
	 */
	record NewApiKey(
			@Schema(description = "Who the key authenticates", maxLength = 200, pattern = "^\\S.*$",
					requiredMode = Schema.RequiredMode.REQUIRED) String principal,
			@ArraySchema(maxItems = 20, schema = @Schema(description = "A scope (RFC 6749 §3.3)", maxLength = 64,
					pattern = "^[!#-\\[\\]-~]+$")) List<String> scopes,
			@Schema(description = "Days until the key expires; omit for a key that does not expire", minimum = "1",
					maximum = "3650", format = "int32") Integer expiresInDays) {

	}

}
