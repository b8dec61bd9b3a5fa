package dev.nexios.spring.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.nexios.spring.model.ApiKeyLocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An {@code apiKey} scheme: a key in a header (its name matched case-insensitively), a query parameter
 * or a cookie, compared as a SHA-256 digest in constant time with every configured key, then offered to
 * the application's {@link ApiKeyAuthenticator} beans.
 */
public final class ApiKeySchemeAuthenticator implements SchemeAuthenticator {

	/** Longer keys are refused without comparison. */
	public static final int MAX_KEY_LENGTH = 1024;

	private static final Log logger = LogFactory.getLog(ApiKeySchemeAuthenticator.class);

	/** Never updated: {@link #sha256(byte[])} digests with copies of it. */
	private static final MessageDigest SHA_256 = newSha256();

	private final String schemeName;

	private final ApiKeyLocation in;

	private final String keyName;

	private final List<ConfiguredKey> keys;

	private final List<ApiKeyAuthenticator> authenticators;

	ApiKeySchemeAuthenticator(String schemeName, ApiKeyLocation in, String keyName, List<ConfiguredKey> keys,
			List<ApiKeyAuthenticator> authenticators) {
		this.schemeName = schemeName;
		this.in = in;
		this.keyName = keyName;
		this.keys = List.copyOf(keys);
		this.authenticators = List.copyOf(authenticators);
	}

	@Override
	public String schemeName() {
		return this.schemeName;
	}

	@Override
	public boolean isSentByBrowser() {
		return this.in == ApiKeyLocation.COOKIE;
	}

	@Override
	public SchemeCredential read(NexiosRequest request) {
		List<String> values = values(request);
		if (values == null) {
			return SchemeCredential.resolved(SchemeOutcome.invalid("invalid_request", "The API key is malformed"));
		}
		if (values.isEmpty()) {
			return SchemeCredential.resolved(SchemeOutcome.ABSENT);
		}
		if (values.size() > 1) {
			return SchemeCredential.resolved(SchemeOutcome.invalid("invalid_request", "Several API keys were sent"));
		}
		String key = values.get(0);
		if (!isWellFormed(key)) {
			return SchemeCredential.resolved(SchemeOutcome.invalid("invalid_request", "The API key is malformed"));
		}
		return SchemeCredential.toVerify(new UnverifiedKey(this.schemeName, key));
	}

	/**
	 * The verifier of this scheme's keys: the configured keys, then the application's
	 * {@link ApiKeyAuthenticator}s (which may block: the reactive adapter calls it off the event loop).
	 * @return the verifier
	 */
	public AuthenticationProvider verifier() {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				return verify((String) authentication.getCredentials());
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UnverifiedKey.class.isAssignableFrom(authentication);
			}

		};
	}

	private Authentication verify(String key) {
		byte[] digest = sha256(key.getBytes(StandardCharsets.US_ASCII));
		ConfiguredKey match = null;
		for (ConfiguredKey candidate : this.keys) {
			// every key is compared, without early exit, so that timing reveals nothing
			if (MessageDigest.isEqual(candidate.sha256(), digest) && match == null) {
				match = candidate;
			}
		}
		if (match != null) {
			return UsernamePasswordAuthenticationToken.authenticated(match.principal(), null, match.authorities());
		}
		for (ApiKeyAuthenticator authenticator : this.authenticators) {
			ApiKeyPrincipal principal;
			try {
				principal = authenticator.authenticate(this.schemeName, key);
			}
			catch (RuntimeException ex) {
				// the key store failed (e.g. its database is down), not the key: the key may be valid
				logger.warn("API key of scheme '" + this.schemeName + "' could not be checked by "
						+ authenticator.getClass().getName() + ", answering 503: " + ex.getClass().getName());
				throw new AuthenticationServiceException("The API key store failed");
			}
			if (principal != null) {
				return authenticated(principal);
			}
		}
		throw new BadCredentialsException("The API key is not valid");
	}

	@Override
	public SchemeOutcome verified(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return unverifiable();
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("SCOPE_")) {
				scopes.add(name.substring("SCOPE_".length()));
			}
		}
		return SchemeOutcome.authenticated(authentication, scopes);
	}

	@Override
	public SchemeOutcome failed(RuntimeException ex) {
		if (ex instanceof AuthenticationServiceException) {
			return SchemeOutcome.unavailable("The API key cannot be checked now; try again later");
		}
		if (ex instanceof AuthenticationException) {
			return unverifiable();
		}
		throw ex;
	}

	@Override
	public SchemeOutcome unverifiable() {
		return SchemeOutcome.invalid("invalid_token", "The API key is not valid");
	}

	private static Authentication authenticated(ApiKeyPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal.name(), null,
				scopeAuthorities(principal.scopes()));
	}

	/**
	 * One {@code SCOPE_<scope>} authority per scope, as Spring Security's resource server grants a token's scopes.
	 */
	private static List<GrantedAuthority> scopeAuthorities(Set<String> scopes) {
		List<GrantedAuthority> authorities = new ArrayList<>(scopes.size());
		scopes.forEach((scope) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		return List.copyOf(authorities);
	}

	/**
	 * The values sent for the key; {@code null} when the query string cannot be decoded.
	 */
	private List<String> values(NexiosRequest request) {
		List<String> values = new ArrayList<>(1);
		switch (this.in) {
			case HEADER -> {
				return request.headers(this.keyName);
			}
			case QUERY -> {
				String query = request.queryString();
				if (query != null) {
					try {
						for (String pair : query.split("&")) {
							int eq = pair.indexOf('=');
							String name = URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
							if (name.equals(this.keyName)) {
								values.add((eq >= 0) ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "");
							}
						}
					}
					catch (IllegalArgumentException ex) {
						return null;
					}
				}
			}
			case COOKIE -> {
				values.addAll(request.cookies(this.keyName));
			}
		}
		return values;
	}

	/**
	 * Printable US-ASCII (%x21-7E), 1 to {@value #MAX_KEY_LENGTH} characters.
	 */
	static boolean isWellFormed(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The SHA-256 digest of a key (FIPS 180-4), 32 bytes. A copy of a digest that is itself never
	 * updated, where the provider allows it: a provider lookup per key sent cost most of the digest's
	 * time (the end-to-end benchmark's profile, issue 15).
	 */
	static byte[] sha256(byte[] bytes) {
		MessageDigest digest;
		try {
			digest = (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			digest = newSha256();
		}
		return digest.digest(bytes);
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String challenge(SchemeOutcome outcome, Collection<String> insufficientScope) {
		StringBuilder challenge = new StringBuilder("ApiKey in=").append(SchemeAuthenticator.quoted(this.in.value()))
			.append(", name=")
			.append(SchemeAuthenticator.quoted(this.keyName));
		if (!insufficientScope.isEmpty()) {
			challenge.append(", error=\"insufficient_scope\", scope=")
				.append(SchemeAuthenticator.quoted(String.join(" ", insufficientScope)));
		}
		else if (outcome.isAuthenticated()) {
			challenge.append(", error=\"insufficient_scope\"");
		}
		else if (outcome.status() == SchemeOutcome.Status.INVALID) {
			challenge.append(", error=\"invalid_key\"");
		}
		return challenge.toString();
	}

	/**
	 * A key of {@code nexios.security.schemes.<name>.keys}.
	 *
	 * @param sha256 the SHA-256 digest of the key (32 bytes)
	 * @param principal the principal name
	 * @param authorities the key's scopes as {@code SCOPE_<scope>} authorities, built once
	 */
	record ConfiguredKey(byte[] sha256, String principal, List<GrantedAuthority> authorities) {

		ConfiguredKey {
			sha256 = sha256.clone();
			authorities = List.copyOf(authorities);
		}

		/**
		 * A key that grants scopes.
		 * @param sha256 the SHA-256 digest of the key (32 bytes)
		 * @param principal the principal name
		 * @param scopes the scopes the key grants, in order
		 */
		ConfiguredKey(byte[] sha256, String principal, Set<String> scopes) {
			this(sha256, principal, scopeAuthorities(scopes));
		}

	}

	/**
	 * A key read from a request, not verified yet; never shows the key.
	 */
	static final class UnverifiedKey extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final String schemeName;

		private final transient String key;

		UnverifiedKey(String schemeName, String key) {
			super(org.springframework.security.core.authority.AuthorityUtils.NO_AUTHORITIES);
			this.schemeName = schemeName;
			this.key = key;
			setAuthenticated(false);
		}

		@Override
		public Object getCredentials() {
			return this.key;
		}

		@Override
		public Object getPrincipal() {
			return this.schemeName;
		}

		@Override
		public String toString() {
			return "UnverifiedKey [scheme=" + this.schemeName + "]";
		}

	}

}
