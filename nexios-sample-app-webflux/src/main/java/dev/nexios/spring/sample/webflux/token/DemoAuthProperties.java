package dev.nexios.spring.sample.webflux.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the sample's demo token endpoint, under {@code sample.auth}: the demo users, the issuer
 * and lifetime of the tokens, and the RSA key pair that signs them.
 */
@ConfigurationProperties("sample.auth")
public class DemoAuthProperties {

	/**
	 * Value of the "iss" claim of issued tokens; tokens with another issuer are refused.
	 */
	private String issuer = "nexios-sample";

	/**
	 * Lifetime of an issued access token ("exp" - "iat", and "expires_in" of the token response).
	 */
	private Duration tokenLifetime = Duration.ofHours(1);

	/**
	 * Demo users by username: each with its encoded password ("{bcrypt}...", "{noop}..." etc.) and the
	 * scopes it may be granted.
	 */
	private Map<String, User> users = new LinkedHashMap<>();

	/**
	 * The RSA key pair that signs (and verifies) the tokens, as PEM files. When neither location is
	 * set, a key pair is generated at startup, so tokens do not survive a restart.
	 */
	private final SigningKey signingKey = new SigningKey();

	public String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public Duration getTokenLifetime() {
		return this.tokenLifetime;
	}

	public void setTokenLifetime(Duration tokenLifetime) {
		this.tokenLifetime = tokenLifetime;
	}

	public Map<String, User> getUsers() {
		return this.users;
	}

	public void setUsers(Map<String, User> users) {
		this.users = users;
	}

	public SigningKey getSigningKey() {
		return this.signingKey;
	}

	/**
	 * One demo user.
	 */
	public static class User {

		/**
		 * The password, encoded with an id prefix understood by Spring Security's
		 * DelegatingPasswordEncoder, e.g. "{bcrypt}$2a$10$...".
		 */
		private String password;

		/**
		 * The scopes that the user may be granted.
		 */
		private List<String> scopes = new ArrayList<>();

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

	/**
	 * PEM files of the RSA signing key pair.
	 */
	public static class SigningKey {

		/**
		 * Location of the PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----").
		 */
		private Resource privateKeyLocation;

		/**
		 * Location of the X.509 PEM public key ("-----BEGIN PUBLIC KEY-----").
		 */
		private Resource publicKeyLocation;

		public Resource getPrivateKeyLocation() {
			return this.privateKeyLocation;
		}

		public void setPrivateKeyLocation(Resource privateKeyLocation) {
			this.privateKeyLocation = privateKeyLocation;
		}

		public Resource getPublicKeyLocation() {
			return this.publicKeyLocation;
		}

		public void setPublicKeyLocation(Resource publicKeyLocation) {
			this.publicKeyLocation = publicKeyLocation;
		}

	}

}
