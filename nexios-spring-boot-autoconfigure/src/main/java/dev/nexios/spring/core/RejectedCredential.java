package dev.nexios.spring.core;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The {@code Authentication} of an authentication failure event: a credential of one security scheme
 * that was sent and refused. It holds the scheme's name and nothing of the credential: its principal and
 * name are the scheme name (the caller is not known: a token or key that fails verification names no
 * one), its credentials are {@code null}, and it is never authenticated.
 */
public final class RejectedCredential extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String scheme;

	/**
	 * Creates the authentication of a refused credential.
	 * @param scheme the name of the security scheme whose credential was refused
	 */
	public RejectedCredential(String scheme) {
		super(List.of());
		this.scheme = scheme;
		setAuthenticated(false);
	}

	/**
	 * The security scheme whose credential was refused.
	 * @return the scheme name
	 */
	public String getScheme() {
		return this.scheme;
	}

	/**
	 * The scheme name: the caller of a refused credential is not known.
	 * @return the scheme name
	 */
	@Override
	public Object getPrincipal() {
		return this.scheme;
	}

	/**
	 * Always {@code null}: the credential is not kept.
	 * @return {@code null}
	 */
	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public boolean equals(Object obj) {
		return super.equals(obj) && obj instanceof RejectedCredential other && this.scheme.equals(other.scheme);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
