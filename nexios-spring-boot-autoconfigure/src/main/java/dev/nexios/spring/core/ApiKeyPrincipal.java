package dev.nexios.spring.core;

import java.util.Set;

/**
 * The owner of a valid API key, as returned by an {@link ApiKeyAuthenticator}.
 *
 * @param name the principal name, e.g. a client or service name; never {@code null}
 * @param scopes the scopes that the key grants; possibly empty
 */
public record ApiKeyPrincipal(String name, Set<String> scopes) {

	public ApiKeyPrincipal {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An API key principal needs a name");
		}
		scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
	}

}
