package dev.nexios.spring.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API key check of the hand-written variant, as an application writes it: the key in a header,
 * its SHA-256 digest compared in constant time ({@link MessageDigest#isEqual}) with the configured
 * digest. A valid key authenticates the request with the authority {@value #AUTHORITY}; a wrong key is
 * refused with 401; no key leaves the request to the rest of the chain.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	static final String AUTHORITY = "API_KEY";

	private final String header;

	private final byte[] sha256;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyFilter(String header, byte[] sha256) {
		this.header = header;
		this.sha256 = sha256.clone();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(this.header);
		if (key != null) {
			if (!MessageDigest.isEqual(digest(key), this.sha256)) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			SecurityContext context = this.contextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("benchmark-client", null,
					List.of(new SimpleGrantedAuthority(AUTHORITY))));
			this.contextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
