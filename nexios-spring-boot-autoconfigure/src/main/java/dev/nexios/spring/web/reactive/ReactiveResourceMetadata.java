package dev.nexios.spring.web.reactive;

import java.util.List;
import java.util.Map;

import dev.nexios.spring.core.ProtectedResourceMetadata;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The protected resource metadata (RFC 9728) on the reactive stack, where Spring Security has no filter
 * for it: answers {@code GET} {@value ProtectedResourceMetadata#PATH} (and below) before the
 * {@link NexiosWebFilter} looks up a handler, as Spring Security's servlet
 * {@code OAuth2ProtectedResourceMetadataFilter} does, with the claims of the same
 * {@link ProtectedResourceMetadata} written by the application's JSON codec; and names the metadata in
 * the {@code Bearer} challenges of {@code 401} answers.
 */
final class ReactiveResourceMetadata implements WebFilter {

	private static final ResolvableType CLAIMS = ResolvableType.forClassWithGenerics(Map.class, String.class,
			Object.class);

	private final ProtectedResourceMetadata metadata;

	private final List<HttpMessageWriter<?>> writers;

	ReactiveResourceMetadata(ProtectedResourceMetadata metadata, List<HttpMessageWriter<?>> writers) {
		this.metadata = metadata;
		this.writers = writers;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (request.getMethod() != HttpMethod.GET || !(path.equals(ProtectedResourceMetadata.PATH)
				|| path.startsWith(ProtectedResourceMetadata.PATH + "/"))) {
			return chain.filter(exchange);
		}
		// the resource identifier is the URL fetched without the well-known part (RFC 9728 §3.3)
		String resource = base(request, request.getPath().contextPath().value()
				+ path.substring(ProtectedResourceMetadata.PATH.length()));
		Map<String, Object> claims = this.metadata.build(resource).getClaims();
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		for (HttpMessageWriter<?> writer : this.writers) {
			if (writer.canWrite(CLAIMS, MediaType.APPLICATION_JSON)) {
				return ((HttpMessageWriter<Map<String, Object>>) writer).write(Mono.just(claims), CLAIMS,
						MediaType.APPLICATION_JSON, exchange.getResponse(), Map.of());
			}
		}
		return Mono.error(new IllegalStateException("No codec writes application/json"));
	}

	/**
	 * The URL of the metadata as the request sees the application: its scheme, host, port and context
	 * path (after Spring's {@code ForwardedHeaderTransformer}, when enabled).
	 */
	static String metadataUrl(ServerHttpRequest request) {
		return ProtectedResourceMetadata
			.metadataUrl(base(request, request.getPath().contextPath().value()));
	}

	private static String base(ServerHttpRequest request, String path) {
		return UriComponentsBuilder.fromUri(request.getURI())
			.replacePath(path)
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	/**
	 * The challenges of an answer: those of a {@code 401} with a {@code Bearer} challenge name the metadata.
	 */
	static List<String> challenges(@Nullable ProtectedResourceMetadata metadata, ServerWebExchange exchange,
			HttpStatus status, List<String> challenges) {
		if (metadata == null || status != HttpStatus.UNAUTHORIZED
				|| !ProtectedResourceMetadata.hasBearerChallenge(challenges)) {
			return challenges;
		}
		ServerHttpRequest request = exchange.getRequest();
		return ProtectedResourceMetadata.withResourceMetadata(challenges,
				metadata.metadataUrlFor(() -> base(request, request.getPath().contextPath().value())));
	}

}
