package dev.nexios.spring.core;

import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpHeaders;

/**
 * Tells a cross-site request with an unsafe method, which must not be authenticated by a credential that
 * a browser attaches on its own (HTTP Basic, a cookie): the defence against cross-site request forgery
 * of the Fetch Metadata standard ({@code Sec-Fetch-Site}) with the {@code Origin} header (RFC 6454 §7)
 * where a browser sends no Fetch Metadata.
 *
 * <p>A request is cross-site when its method is not safe (RFC 9110 §9.2.1: anything but GET, HEAD,
 * OPTIONS, TRACE) and either {@code Sec-Fetch-Site} is {@code cross-site} or {@code same-site}, or,
 * without {@code Sec-Fetch-Site}, its {@code Origin} differs from the request's own scheme, host and
 * port ({@link NexiosRequest#isCrossOrigin()}). An origin among the trusted origins is never cross-site. A
 * request with neither header (not sent by a browser) is not cross-site.
 */
public final class CrossSiteRequests {

	/** Protection turned off: no request is cross-site. */
	public static final CrossSiteRequests DISABLED = new CrossSiteRequests(false, Set.of());

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final boolean enabled;

	private final Set<String> trustedOrigins;

	/**
	 * Creates the check.
	 * @param enabled whether cross-site requests are told at all
	 * @param trustedOrigins origins (e.g. {@code https://admin.example.com}) whose requests are never
	 * cross-site; compared without case
	 */
	public CrossSiteRequests(boolean enabled, Set<String> trustedOrigins) {
		this.enabled = enabled;
		this.trustedOrigins = trustedOrigins.stream().map((origin) -> origin.toLowerCase(Locale.ROOT)).collect(
				java.util.stream.Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether a request is a cross-site request with an unsafe method.
	 * @param request the request
	 * @return {@code true} when browser-sent credentials must not authenticate it
	 */
	public boolean isCrossSite(NexiosRequest request) {
		if (!this.enabled || SAFE_METHODS.contains(request.method())) {
			return false;
		}
		String origin = request.header(HttpHeaders.ORIGIN);
		if (origin != null && this.trustedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
			return false;
		}
		String site = request.header("Sec-Fetch-Site");
		if (site != null) {
			return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
		}
		return request.isCrossOrigin();
	}

}
