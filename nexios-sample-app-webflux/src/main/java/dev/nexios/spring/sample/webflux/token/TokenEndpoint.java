package dev.nexios.spring.sample.webflux.token;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nexios.spring.annotation.NexiosPublic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The demo's token endpoint on WebFlux, {@code POST /auth/token}: the resource owner password
 * credentials grant (RFC 6749 §4.3.2), the {@code tokenUrl} of the {@code oauth2} scheme's password
 * flow, as in the servlet sample. The password check (bcrypt) runs off the event loop.
 *
 * <p>This is a demo, not an authorization server: real applications obtain tokens from one.
 */
@RestController
@Tag(name = "Demo token endpoint", description = "Issues the tokens that bearerAuth, jwtAuth and oauth2 accept")
@NexiosPublic
class TokenEndpoint {

	private final DemoTokenService tokens;

	TokenEndpoint(DemoTokenService tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "Demo token endpoint (OAuth2 password grant, RFC 6749 §4.3)",
			requestBody = @RequestBody(required = true, content = @Content(
					mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
					schema = @Schema(implementation = TokenRequest.class))))
	@ApiResponse(responseCode = "200", description = "The token response of RFC 6749 §5.1")
	@ApiResponse(responseCode = "400", description = "An error response of RFC 6749 §5.2",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TokenError.class)))
	@PostMapping(path = "/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TokenResponse>> token(ServerWebExchange exchange) {
		MediaType contentType = exchange.getRequest().getHeaders().getContentType();
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
			return Mono.error(new TokenRequestException("invalid_request",
					"The request body must be application/x-www-form-urlencoded"));
		}
		if (StringUtils.hasLength(exchange.getRequest().getURI().getRawQuery())) {
			return Mono.error(new TokenRequestException("invalid_request", "Parameters must be sent in the request body"));
		}
		return exchange.getFormData().publishOn(Schedulers.boundedElastic()).map(this::issue);
	}

	private ResponseEntity<TokenResponse> issue(MultiValueMap<String, String> parameters) {
		String grantType = single(parameters, "grant_type");
		if (grantType == null) {
			throw new TokenRequestException("invalid_request", "Missing parameter: grant_type");
		}
		if (!"password".equals(grantType)) {
			throw new TokenRequestException("unsupported_grant_type", "Only the password grant is supported");
		}
		String username = single(parameters, "username");
		String password = single(parameters, "password");
		if (username == null || password == null) {
			throw new TokenRequestException("invalid_request",
					"Missing parameter: " + ((username == null) ? "username" : "password"));
		}
		DemoTokenService.IssuedToken token = this.tokens.issue(username, password, single(parameters, "scope"));
		return ResponseEntity.ok()
			.headers(TokenEndpoint::noStore)
			.body(new TokenResponse(token.value(), "Bearer", token.expiresIn(), String.join(" ", token.scopes())));
	}

	@ExceptionHandler
	ResponseEntity<TokenError> refused(TokenRequestException ex) {
		return ResponseEntity.badRequest()
			.headers(TokenEndpoint::noStore)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new TokenError(ex.error(), ex.getMessage()));
	}

	private static void noStore(HttpHeaders headers) {
		headers.setCacheControl(CacheControl.noStore());
		headers.setPragma("no-cache");
	}

	/**
	 * A parameter that may be sent at most once (RFC 6749 §3.2).
	 * @return its value, or {@code null} when absent or empty
	 */
	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new TokenRequestException("invalid_request", "Parameter sent more than once: " + name);
		}
		return StringUtils.hasLength(values.get(0)) ? values.get(0) : null;
	}

	/**
	 * The form parameters of a token request (RFC 6749 §4.3.2), for the documentation.
	 */
	@Schema(name = "PasswordTokenRequest", requiredProperties = { "grant_type", "username", "password" })
	record TokenRequest(
			@JsonProperty("grant_type") @Schema(allowableValues = "password", example = "password") String grantType,
			@Schema(example = "alice") String username, @Schema(example = "alice-password") String password,
			@Schema(description = "Space-delimited scopes; empty for every scope the user may have",
					example = "read write") String scope) {
	}

	/**
	 * A successful token response (RFC 6749 §5.1).
	 * @param accessToken the access token, a compact JWS
	 * @param tokenType always {@code Bearer} (RFC 6750)
	 * @param expiresIn lifetime of the access token in seconds
	 * @param scope the granted scopes, space-delimited
	 */
	@Schema(name = "TokenResponse")
	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
			@JsonProperty("expires_in") @Schema(example = "3600") long expiresIn,
			@Schema(example = "read write") String scope) {
	}

	/**
	 * An error response (RFC 6749 §5.2).
	 * @param error the error code
	 * @param errorDescription a human-readable description, never containing the submitted credentials
	 */
	@Schema(name = "TokenError")
	record TokenError(@Schema(allowableValues = { "invalid_request", "invalid_grant", "invalid_scope",
			"unsupported_grant_type" }) String error,
			@JsonProperty("error_description") String errorDescription) {
	}

}
