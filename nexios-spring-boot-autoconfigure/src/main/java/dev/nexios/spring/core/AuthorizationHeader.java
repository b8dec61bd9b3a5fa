package dev.nexios.spring.core;

/**
 * Reads the {@code Authorization} header by the grammar of RFC 9110 §11.6.2 (HTTP authentication
 * credentials), as used by {@code Bearer} (RFC 6750 §2.1) and {@code Basic} (RFC 7617 §2):
 *
 * <pre>
 * credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-scheme = token                       ; compared case-insensitively (RFC 9110 §11.1)
 * token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * </pre>
 *
 * <p>Leading and trailing whitespace of the field value (OWS, RFC 9110 §5.5) is ignored. The
 * auth-scheme is the longest run of {@code tchar} at the start, so {@code Bearerx abc} is a credential
 * of the scheme {@code Bearerx}, not of {@code Bearer}. A header that starts with the scheme's name but
 * does not continue with one or more spaces and a {@code token68} (e.g. {@code Bearer} alone,
 * {@code Bearer\tabc}, {@code Bearer a b}) is a malformed credential <em>of that scheme</em>. Both
 * {@code Bearer} and {@code Basic} credentials are {@code token68}; auth-params are not accepted for
 * them.
 */
public final class AuthorizationHeader {

	private AuthorizationHeader() {
	}

	/**
	 * What an {@code Authorization} header holds for one authentication scheme.
	 *
	 * @param status whether the header is a credential of the scheme, and whether it is well formed
	 * @param token68 the credential, when {@link Status#WELL_FORMED}; otherwise {@code null}
	 */
	public record Credentials(Status status, String token68) {

		/** No header, or another scheme's. */
		public static final Credentials OTHER_SCHEME = new Credentials(Status.OTHER_SCHEME, null);

		/** A malformed credential of the scheme. */
		public static final Credentials MALFORMED = new Credentials(Status.MALFORMED, null);

	}

	/**
	 * How a header relates to one authentication scheme.
	 */
	public enum Status {

		/** No header, or a credential of another auth-scheme. */
		OTHER_SCHEME,

		/** The scheme's name, not followed by {@code 1*SP token68}. */
		MALFORMED,

		/** The scheme's name, {@code 1*SP} and a {@code token68}. */
		WELL_FORMED

	}

	/**
	 * Reads the credential of one auth-scheme from an {@code Authorization} header value.
	 * @param header the header value, or {@code null} when there is none
	 * @param scheme the auth-scheme name, e.g. {@code Bearer}; compared case-insensitively
	 * @return the credentials; never {@code null}
	 */
	public static Credentials parse(String header, String scheme) {
		if (header == null) {
			return Credentials.OTHER_SCHEME;
		}
		int start = 0;
		int end = header.length();
		while (start < end && isOws(header.charAt(start))) {
			start++;
		}
		while (end > start && isOws(header.charAt(end - 1))) {
			end--;
		}
		int schemeEnd = start;
		while (schemeEnd < end && isTchar(header.charAt(schemeEnd))) {
			schemeEnd++;
		}
		if (schemeEnd - start != scheme.length() || !header.regionMatches(true, start, scheme, 0, scheme.length())) {
			return Credentials.OTHER_SCHEME;
		}
		int credentialsStart = schemeEnd;
		while (credentialsStart < end && header.charAt(credentialsStart) == ' ') {
			credentialsStart++;
		}
		if (credentialsStart == schemeEnd || credentialsStart == end) {
			// no 1*SP after the scheme (e.g. "Bearer\tabc", "Bearer:abc"), or nothing after it
			return Credentials.MALFORMED;
		}
		String credentials = header.substring(credentialsStart, end);
		return isToken68(credentials) ? new Credentials(Status.WELL_FORMED, credentials) : Credentials.MALFORMED;
	}

	/**
	 * {@code token68} of RFC 9110 §11.2.
	 */
	static boolean isToken68(String value) {
		int i = 0;
		int length = value.length();
		while (i < length && isToken68Char(value.charAt(i))) {
			i++;
		}
		if (i == 0) {
			return false;
		}
		while (i < length && value.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

	private static boolean isToken68Char(char c) {
		return isAlphaOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
	}

	/**
	 * {@code tchar} of RFC 9110 §5.6.2.
	 */
	private static boolean isTchar(char c) {
		return isAlphaOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

	private static boolean isAlphaOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isOws(char c) {
		return c == ' ' || c == '\t';
	}

}
