package dev.nexios.spring.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.security.SecurityScheme;

import org.jspecify.annotations.Nullable;

/**
 * The declared security schemes of the application, as swagger-core {@link SecurityScheme} objects by
 * name: those of {@code nexios.security.schemes.*}, the default {@code bearerAuth}, and those that
 * {@link NexiosSecuritySchemesCustomizer} beans add or replace. The counterpart of Nexios'
 * {@code app.docs.add_security_scheme(name, scheme)}.
 *
 * <p>A bean of this type is what the application injects to read the schemes. It is frozen once the
 * {@link NexiosSecurityModel} is resolved from it; changes after that throw
 * {@link IllegalStateException}.
 */
public final class NexiosSecuritySchemes {

	private final Map<String, SecurityScheme> schemes = new LinkedHashMap<>();

	private final Map<String, String> sources = new LinkedHashMap<>();

	private volatile boolean frozen;

	/**
	 * Adds a scheme, or replaces the scheme of that name.
	 * @param name the scheme name, the key under {@code components.securitySchemes}; case-sensitive
	 * @param scheme the scheme; it is copied when the model is resolved, later changes are ignored
	 * @return this registry
	 * @throws IllegalStateException when the model was already resolved
	 */
	public NexiosSecuritySchemes add(String name, SecurityScheme scheme) {
		return add(name, scheme, "a NexiosSecuritySchemesCustomizer");
	}

	/**
	 * Adds a scheme, or replaces the scheme of that name, recording where it was declared.
	 * @param name the scheme name
	 * @param scheme the scheme
	 * @param source where the scheme is declared, used in startup error messages, e.g. the property
	 * prefix {@code nexios.security.schemes.apiKeyAuth}
	 * @return this registry
	 * @throws IllegalStateException when the model was already resolved
	 */
	public NexiosSecuritySchemes add(String name, SecurityScheme scheme, String source) {
		checkNotFrozen();
		this.schemes.put(name, scheme);
		this.sources.put(name, source);
		return this;
	}

	/**
	 * Removes a scheme.
	 * @param name the scheme name
	 * @return this registry
	 * @throws IllegalStateException when the model was already resolved
	 */
	public NexiosSecuritySchemes remove(String name) {
		checkNotFrozen();
		this.schemes.remove(name);
		this.sources.remove(name);
		return this;
	}

	/**
	 * The schemes by name, in declaration order.
	 * @return an unmodifiable view
	 */
	public Map<String, SecurityScheme> asMap() {
		return Collections.unmodifiableMap(this.schemes);
	}

	/**
	 * Where a scheme was declared.
	 * @param name the scheme name
	 * @return a property prefix such as {@code nexios.security.schemes.apiKeyAuth}, or a description
	 * of the code that registered it; {@code null} for an unknown name
	 */
	public @Nullable String source(String name) {
		return this.sources.get(name);
	}

	/**
	 * Makes this registry read-only.
	 */
	public void freeze() {
		this.frozen = true;
	}

	private void checkNotFrozen() {
		if (this.frozen) {
			throw new IllegalStateException("Security schemes are fixed once the security model is resolved; "
					+ "register them through a NexiosSecuritySchemesCustomizer bean");
		}
	}

}
