package dev.nexios.spring.web.servlet;

import java.util.List;

import dev.nexios.spring.core.ProtectedResourceMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.util.UrlUtils;

/**
 * The protected resource metadata (RFC 9728) on the servlet stack: served by Spring Security's
 * {@link OAuth2ProtectedResourceMetadataFilter} with the members of a {@link ProtectedResourceMetadata},
 * and named in the {@code Bearer} challenges of {@code 401} answers.
 */
final class ServletResourceMetadata {

	private ServletResourceMetadata() {
	}

	/**
	 * Spring Security's filter, answering {@code GET} {@value ProtectedResourceMetadata#PATH} (and below)
	 * before the handler lookup; the {@code resource} it derives from the request is the base URL of
	 * {@link #metadataUrl(HttpServletRequest)}.
	 */
	static OAuth2ProtectedResourceMetadataFilter filter(ProtectedResourceMetadata metadata) {
		OAuth2ProtectedResourceMetadataFilter filter = new OAuth2ProtectedResourceMetadataFilter();
		filter.setProtectedResourceMetadataCustomizer(metadata::customize);
		return filter;
	}

	/**
	 * The URL of the metadata as the request sees the application: its scheme, host, port and context
	 * path (after Spring's {@code ForwardedHeaderFilter} or the server's own handling of forwarded
	 * headers, when enabled).
	 */
	static String metadataUrl(HttpServletRequest request) {
		return ProtectedResourceMetadata.metadataUrl(baseUrl(request));
	}

	private static String baseUrl(HttpServletRequest request) {
		return UrlUtils.buildFullRequestUrl(request.getScheme(), request.getServerName(), request.getServerPort(),
				request.getContextPath(), null);
	}

	/**
	 * The challenges of an answer: those of a {@code 401} with a {@code Bearer} challenge name the metadata.
	 */
	static List<String> challenges(@Nullable ProtectedResourceMetadata metadata, HttpServletRequest request,
			HttpStatus status, List<String> challenges) {
		if (metadata == null || status != HttpStatus.UNAUTHORIZED
				|| !ProtectedResourceMetadata.hasBearerChallenge(challenges)) {
			return challenges;
		}
		return ProtectedResourceMetadata.withResourceMetadata(challenges,
				metadata.metadataUrlFor(() -> baseUrl(request)));
	}

}
