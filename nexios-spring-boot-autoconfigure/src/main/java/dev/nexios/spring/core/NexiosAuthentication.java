package dev.nexios.spring.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authentication of a request that satisfied a security requirement, as held by the
 * {@code SecurityContext}: the counterpart of Nexios' {@code req.user}.
 *
 * <p>Its principal, name and details are those of the first scheme of the satisfied requirement, so
 * that {@code @AuthenticationPrincipal Jwt jwt}, {@code Principal} or {@code Authentication} work as
 * usual. It also tells which schemes satisfied the request ({@link #getSchemes()}), the verified
 * authentication of each ({@link #getAuthentication(String)}, e.g. a {@code JwtAuthenticationToken}),
 * and the scopes the caller holds ({@link #getScopes()}). It never holds a password.
 *
 * <pre class="code">
 * &#64;GetMapping("/me")
 * Map&lt;String, Object&gt; me(NexiosAuthentication user) {
 *     return Map.of("name", user.getName(), "schemes", user.getSchemes(), "scopes", user.getScopes());
 * }
 * </pre>
 */
public final class NexiosAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Map<String, Authentication> authentications;

	private final Set<String> scopes;

	private final Authentication primary;

	/**
	 * Creates an authentication.
	 * @param authentications the verified authentication of each scheme of the satisfied requirement,
	 * by scheme name, in requirement order; not empty
	 * @param scopes the scopes granted by those credentials
	 */
	public NexiosAuthentication(Map<String, Authentication> authentications, Set<String> scopes) {
		super(authorities(authentications));
		if (authentications.isEmpty()) {
			throw new IllegalArgumentException("At least one scheme must have authenticated the request");
		}
		// most requests are satisfied by one scheme: no copies beyond what is kept
		this.authentications = (authentications.size() == 1)
				? Collections.singletonMap(authentications.keySet().iterator().next(),
						authentications.values().iterator().next())
				: Collections.unmodifiableMap(new LinkedHashMap<>(authentications));
		this.scopes = scopes.isEmpty() ? Collections.emptySortedSet()
				: Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
		this.primary = this.authentications.values().iterator().next();
		setDetails(this.primary.getDetails());
		setAuthenticated(true);
	}

	private static Collection<? extends GrantedAuthority> authorities(Map<String, Authentication> authentications) {
		if (authentications.size() == 1) {
			return authentications.values().iterator().next().getAuthorities();
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authentications.values().forEach((authentication) -> authorities.addAll(authentication.getAuthorities()));
		return new ArrayList<>(authorities);
	}

	/**
	 * The principal of the first scheme of the satisfied requirement: a {@code Jwt} for a JWT bearer
	 * token, the token's {@code OAuth2AuthenticatedPrincipal} for an introspected token, the
	 * {@code UserDetails} for http basic, the principal name for an API key.
	 */
	@Override
	public Object getPrincipal() {
		return this.primary.getPrincipal();
	}

	/**
	 * Always {@code null}: credentials are not kept.
	 */
	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.primary.getName();
	}

	/**
	 * The schemes that satisfied the request.
	 * @return scheme names, in the order of the satisfied requirement
	 */
	public Set<String> getSchemes() {
		return this.authentications.keySet();
	}

	/**
	 * The verified authentication of one scheme.
	 * @param scheme a scheme name
	 * @return e.g. a {@code JwtAuthenticationToken}, or {@code null} when that scheme did not take part
	 */
	public Authentication getAuthentication(String scheme) {
		return this.authentications.get(scheme);
	}

	/**
	 * The scopes the caller holds, in alphabetical order, from verified credentials only (the {@code scope}/{@code scp} claims
	 * of a token, the scopes of an API key, the {@code SCOPE_} authorities of a basic user).
	 * @return scope names
	 */
	public Set<String> getScopes() {
		return this.scopes;
	}

	/**
	 * Whether the caller holds a scope.
	 * @param scope the scope name
	 * @return {@code true} when held
	 */
	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj) && obj instanceof NexiosAuthentication other
				&& this.authentications.equals(other.authentications) && this.scopes.equals(other.scopes);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
