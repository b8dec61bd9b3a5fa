package dev.nexios.spring.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One security requirement (OpenAPI 3.1 §4.8.30, Security Requirement Object): the security schemes
 * that must all be satisfied together, each with the scopes required of it.
 *
 * <p>An empty requirement ({@code {}}) is satisfied by an anonymous request; listed among the
 * alternatives of an operation it makes authentication optional.
 *
 * @param schemes scheme name to required scope names, in declaration order; never {@code null},
 * unmodifiable
 */
public record SecurityRequirement(Map<String, List<String>> schemes) {

	/** The empty requirement {@code {}}: anonymous access. */
	public static final SecurityRequirement ANONYMOUS = new SecurityRequirement(Map.of());

	public SecurityRequirement {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		schemes.forEach((name, scopes) -> copy.put(name, List.copyOf(scopes)));
		schemes = Collections.unmodifiableMap(copy);
	}

	/**
	 * A requirement of one scheme with the given scopes.
	 * @param scheme the scheme name
	 * @param scopes required scopes, possibly none
	 * @return the requirement
	 */
	public static SecurityRequirement of(String scheme, String... scopes) {
		return new SecurityRequirement(Map.of(scheme, List.of(scopes)));
	}

	/**
	 * Whether this is the empty requirement {@code {}}, satisfied by anonymous requests.
	 * @return {@code true} when no scheme is named
	 */
	public boolean isAnonymous() {
		return this.schemes.isEmpty();
	}

	/**
	 * Whether any scheme of this requirement requires scopes.
	 * @return {@code true} when at least one scope is required
	 */
	public boolean requiresScopes() {
		return this.schemes.values().stream().anyMatch((scopes) -> !scopes.isEmpty());
	}

}
