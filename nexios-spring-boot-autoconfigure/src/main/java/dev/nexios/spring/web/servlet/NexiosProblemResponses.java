package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.NexiosAuthentication;
import dev.nexios.spring.core.ProtectedResourceMetadata;
import dev.nexios.spring.core.SchemeOutcome;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes every refusal of the chain as {@code application/problem+json} (RFC 9457) with its
 * {@code WWW-Authenticate} challenges (RFC 9110 §11.6.1, RFC 6750 §3): the refusals that the
 * {@link NexiosSecurityFilter} decided, and those of method security ({@code @PreAuthorize} and
 * friends) inside an operation it let through. Spring Security's {@code ExceptionTranslationFilter}
 * calls it as the {@link AuthenticationEntryPoint} (the caller is anonymous) and as the
 * {@link AccessDeniedHandler} (the caller is authenticated).
 */
final class NexiosProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JacksonJsonHttpMessageConverter problemWriter = new JacksonJsonHttpMessageConverter();

	private final SecurityContextHolderStrategy contextHolder;

	private final @Nullable ProtectedResourceMetadata resourceMetadata;

	NexiosProblemResponses(SecurityContextHolderStrategy contextHolder) {
		this(contextHolder, null);
	}

	/**
	 * @param contextHolder the application's {@code SecurityContextHolderStrategy}
	 * @param resourceMetadata the protected resource metadata that {@code 401} answers name in their
	 * {@code Bearer} challenges (RFC 9728 §5.1); {@code null} when none is served
	 */
	NexiosProblemResponses(SecurityContextHolderStrategy contextHolder,
			@Nullable ProtectedResourceMetadata resourceMetadata) {
		this.contextHolder = contextHolder;
		this.resourceMetadata = resourceMetadata;
	}

	/**
	 * An anonymous caller was refused: the filter's decision, or, when the filter let the request
	 * through (an optional operation) and method security refused it, {@code 401} with the operation's
	 * challenges.
	 */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		Decision decision = refusal(request, response, HttpStatus.UNAUTHORIZED);
		if (decision == null) {
			return;
		}
		List<String> challenges = new ArrayList<>();
		decision.operation()
			.schemes()
			.forEach((scheme) -> challenges.add(scheme.challenge(SchemeOutcome.ABSENT, List.of())));
		write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required", challenges);
	}

	/**
	 * An authenticated caller was refused by method security: {@code 403} with an
	 * {@code insufficient_scope} challenge (RFC 6750 §3.1) of each scheme that authenticated it.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Decision decision = refusal(request, response, HttpStatus.FORBIDDEN);
		if (decision == null) {
			return;
		}
		Set<String> challenges = new LinkedHashSet<>();
		if (this.contextHolder.getContext().getAuthentication() instanceof NexiosAuthentication caller) {
			decision.operation().schemes().stream().filter((scheme) -> caller.getSchemes().contains(scheme.schemeName()))
				.forEach((scheme) -> challenges.add(scheme.challenge(SchemeOutcome.authenticated(
						caller.getAuthentication(scheme.schemeName()), caller.getScopes()), List.of())));
		}
		write(request, response, HttpStatus.FORBIDDEN, "The credential does not grant access to this operation",
				new ArrayList<>(challenges));
	}

	/**
	 * Writes the filter's refusal of the current dispatch, if it refused it.
	 * @param undecided the status when the filter decided nothing (not expected in the Nexios chain)
	 * @return the decision when the filter let the dispatch through (a later check, such as method
	 * security, refused it), else {@code null}: the refusal is written
	 */
	private Decision refusal(HttpServletRequest request, HttpServletResponse response, HttpStatus undecided)
			throws IOException {
		abortIncluded(request);
		Decision decision = (Decision) request.getAttribute(Decision.ATTRIBUTE);
		if (decision == null) {
			write(request, response, undecided, "Access is denied", List.of());
			return null;
		}
		if (!decision.isAllowed()) {
			write(request, response, decision.status(), decision.detail(), decision.challenges());
			return null;
		}
		return decision;
	}

	/**
	 * An included handler cannot set the status or headers of the response (Servlet 6.1 §9.3): a refusal
	 * inside an include (method security of the included handler) aborts the including request instead,
	 * whose own dispatch then answers with it. (The filter's own refusals of an include never get here:
	 * the included handler is not run, and the including dispatch answers.)
	 */
	private static void abortIncluded(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.INCLUDE) {
			throw new AccessDeniedException("The included handler refused the request");
		}
	}

	private static void write(JacksonJsonHttpMessageConverter writer, HttpServletResponse response, HttpStatus status,
			String detail, List<String> challenges) throws IOException {
		response.resetBuffer();
		response.setStatus(status.value());
		challenges.forEach((challenge) -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		ByteArrayOutputStream body = new ByteArrayOutputStream(256);
		writer.write(ProblemDetail.forStatusAndDetail(status, detail), MediaType.APPLICATION_PROBLEM_JSON,
				new HttpOutputMessage() {
					@Override
					public OutputStream getBody() {
						return body;
					}

					@Override
					public HttpHeaders getHeaders() {
						return new HttpHeaders();
					}
				});
		try {
			response.getOutputStream().write(body.toByteArray());
		}
		catch (IllegalStateException ex) {
			// the handler already took the writer (e.g. before a forward or an error)
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(body.toString(StandardCharsets.UTF_8));
		}
		response.flushBuffer();
	}

	/**
	 * Writes a refusal as problem details, its {@code Bearer} challenges of a {@code 401} naming the protected
	 * resource metadata.
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			List<String> challenges) throws IOException {
		write(this.problemWriter, response, status, detail,
				ServletResourceMetadata.challenges(this.resourceMetadata, request, status, challenges));
	}

}
