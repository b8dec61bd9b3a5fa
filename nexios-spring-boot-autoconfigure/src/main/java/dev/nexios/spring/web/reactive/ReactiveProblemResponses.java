package dev.nexios.spring.web.reactive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.core.ProtectedResourceMetadata;
import dev.nexios.spring.core.SchemeOutcome;
import dev.nexios.spring.core.SecurityEvaluation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes every refusal of the reactive chain as {@code application/problem+json} (RFC 9457), a
 * {@link ProblemDetail} written through the application's codecs, with its {@code WWW-Authenticate}
 * challenges: the refusals that the {@link NexiosWebFilter} decided, and those of method security
 * inside an operation it let through (Spring Security's {@code ExceptionTranslationWebFilter} calls it
 * as the entry point and the access-denied handler).
 */
final class ReactiveProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final List<HttpMessageWriter<?>> writers;

	private final @Nullable ProtectedResourceMetadata resourceMetadata;

	ReactiveProblemResponses(ServerCodecConfigurer codecs) {
		this(codecs, null);
	}

	/**
	 * @param codecs the codecs that write problem details; {@code null} for the defaults
	 * @param resourceMetadata the protected resource metadata that {@code 401} answers name in their
	 * {@code Bearer} challenges (RFC 9728 §5.1); {@code null} when none is served
	 */
	ReactiveProblemResponses(@Nullable ServerCodecConfigurer codecs, @Nullable ProtectedResourceMetadata resourceMetadata) {
		this.writers = List.copyOf(((codecs != null) ? codecs : ServerCodecConfigurer.create()).getWriters());
		this.resourceMetadata = resourceMetadata;
	}

	/**
	 * @return the application's writers
	 */
	List<HttpMessageWriter<?>> writers() {
		return this.writers;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		Decision decision = exchange.getAttribute(Decision.ATTRIBUTE);
		if (decision != null && !decision.isAllowed()) {
			return write(exchange, decision);
		}
		List<String> challenges = (decision != null) ? SecurityEvaluation.challenges(decision.operation()) : List.of();
		return write(exchange, HttpStatus.UNAUTHORIZED, "Authentication is required", challenges);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		Decision decision = exchange.getAttribute(Decision.ATTRIBUTE);
		if (decision != null && !decision.isAllowed()) {
			return write(exchange, decision);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map((authentication) -> {
				Set<String> challenges = new LinkedHashSet<>();
				if (decision != null && authentication instanceof NexiosAuthentication caller) {
					decision.operation()
						.schemes()
						.stream()
						.filter((scheme) -> caller.getSchemes().contains(scheme.schemeName()))
						.forEach((scheme) -> challenges.add(scheme.challenge(SchemeOutcome
							.authenticated(caller.getAuthentication(scheme.schemeName()), caller.getScopes()), List.of())));
				}
				return new ArrayList<>(challenges);
			})
			.defaultIfEmpty(new ArrayList<>())
			.flatMap((challenges) -> write(exchange, HttpStatus.FORBIDDEN,
					"The credential does not grant access to this operation", challenges));
	}

	Mono<Void> write(ServerWebExchange exchange, Decision decision) {
		return write(exchange, decision.status(), decision.detail(), decision.challenges());
	}

	@SuppressWarnings("unchecked")
	Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, List<String> challenges) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		ReactiveResourceMetadata.challenges(this.resourceMetadata, exchange, status, challenges)
			.forEach((challenge) -> headers.add(HttpHeaders.WWW_AUTHENTICATE, challenge));
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.HEAD) {
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return response.setComplete();
		}
		ResolvableType type = ResolvableType.forClass(ProblemDetail.class);
		for (HttpMessageWriter<?> writer : this.writers) {
			if (writer.canWrite(type, MediaType.APPLICATION_PROBLEM_JSON)) {
				return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(problem), type,
						MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
			}
		}
		return Mono.error(new IllegalStateException("No codec writes application/problem+json"));
	}

}
