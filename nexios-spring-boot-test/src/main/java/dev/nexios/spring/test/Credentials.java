package dev.nexios.spring.test;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * How a test mints credentials for one security scheme of the document: a valid credential with given
 * scopes, and garbled ones that the application must reject.
 * <p>
 * The conformance check asks for a credential that grants every scope in {@code scopes} and none of
 * {@code withheldScopes} (the other scopes that the operation's requirements name for this scheme).
 * An implementation that cannot make such a credential answers {@link Optional#empty()}; the check
 * then reports the cells that need it as skipped, never as passed.
 * <p>
 * Ready helpers: {@link #jwt(RSAKey, String)} (a signing key), {@link #apiKey(String, Set)} (a known
 * key), {@link #basic(String, String)} (a user). Your own minting, e.g. from an authorization server
 * of your tests: {@link #token(Function)} or {@link #of(BiFunction)}.
 */
@FunctionalInterface
public interface Credentials {

	/**
	 * Mints a valid credential.
	 * @param scheme the scheme as documented
	 * @param scopes the scopes the credential must grant
	 * @param withheldScopes scopes the credential must not grant
	 * @return the credential, or empty if this source cannot make one with these scopes
	 */
	Optional<Credential> mint(DocumentedScheme scheme, Set<String> scopes, Set<String> withheldScopes);

	/**
	 * Credentials in the scheme's shape that the application must reject, each
	 * {@linkplain Credential#description() described} by what is wrong with it. The default is the
	 * credential minted without scopes with one character changed ({@link Credential#tampered()}).
	 * @param scheme the scheme as documented
	 * @return garbled credentials, possibly empty
	 */
	default List<Credential> garbled(DocumentedScheme scheme) {
		return mint(scheme, Set.of(), Set.of()).map((credential) -> List.of(credential.tampered())).orElse(List.of());
	}

	/**
	 * These credentials, declared unable to grant scopes: cells that need a scope are skipped, and a
	 * credential of this source counts as granting none.
	 * @return credentials that only mint scope-less credentials
	 */
	default Credentials cannotGrantScopes() {
		Credentials delegate = this;
		return new Credentials() {

			@Override
			public Optional<Credential> mint(DocumentedScheme scheme, Set<String> scopes, Set<String> withheldScopes) {
				return scopes.isEmpty() ? delegate.mint(scheme, Set.of(), withheldScopes) : Optional.empty();
			}

			@Override
			public List<Credential> garbled(DocumentedScheme scheme) {
				return delegate.garbled(scheme);
			}

		};
	}

	/**
	 * Credentials from a callback that receives the scheme and the exact scopes to grant.
	 * @param minter makes a credential granting exactly the given scopes
	 * @return the credentials
	 */
	static Credentials of(BiFunction<DocumentedScheme, Set<String>, Credential> minter) {
		return (scheme, scopes, withheld) -> Optional.of(minter.apply(scheme, scopes).describedAs(describe(scopes)));
	}

	/**
	 * Credentials from a callback that makes a token or key with exactly the given scopes; it is placed
	 * where the document's scheme says ({@link Credential#forScheme(DocumentedScheme, String)}).
	 * @param minter makes a token granting exactly the given scopes
	 * @return the credentials
	 */
	static Credentials token(Function<Set<String>, String> minter) {
		return (scheme, scopes, withheld) -> Optional
			.of(Credential.forScheme(scheme, minter.apply(scopes)).describedAs(describe(scopes)));
	}

	/**
	 * JWTs signed with the given RSA private key (RS256), with {@code iss}, {@code sub},
	 * {@code iat}, {@code exp} (5 minutes) and the scopes in the {@code scope} claim (space-separated,
	 * RFC 8693 §4.2), sent as bearer tokens. Garbled: a malformed token, a token signed by another key
	 * (with the same {@code kid}), an expired token.
	 * @param signingKey an RSA key with its private part; its {@code kid}, if any, goes into the header
	 * @param issuer the {@code iss} claim
	 * @return the credentials, which can be refined (audience, further claims)
	 */
	static JwtCredentials jwt(RSAKey signingKey, String issuer) {
		return new JwtCredentials(signingKey, issuer);
	}

	/**
	 * Like {@link #jwt(RSAKey, String)}, from a JCA RSA key pair.
	 * @param keyPair an RSA key pair
	 * @param issuer the {@code iss} claim
	 * @return the credentials
	 */
	static JwtCredentials jwt(KeyPair keyPair, String issuer) {
		return jwt(new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).privateKey((RSAPrivateKey) keyPair.getPrivate())
			.build(), issuer);
	}

	/**
	 * A known API key that grants no scopes, placed where the document's {@code apiKey} scheme says
	 * (header, query parameter or cookie). Garbled: an unknown key.
	 * @param key the key
	 * @return the credentials
	 */
	static Credentials apiKey(String key) {
		return apiKey(key, Set.of());
	}

	/**
	 * A known API key that grants the given scopes.
	 * @param key the key
	 * @param scopes the scopes (or roles) the application grants to it
	 * @return the credentials
	 */
	static Credentials apiKey(String key, Set<String> scopes) {
		return apiKeys(Map.of(key, scopes));
	}

	/**
	 * Several known API keys with the scopes each grants; the check picks one that grants the scopes a
	 * cell needs and none that it must withhold (so a key without {@code admin} lets it test a 403),
	 * trying keys with fewer scopes first.
	 * @param keys key to scopes
	 * @return the credentials
	 */
	static Credentials apiKeys(Map<String, Set<String>> keys) {
		return new KnownSecretCredentials(KnownSecretCredentials.Kind.API_KEY, new LinkedHashMap<>(keys));
	}

	/**
	 * A known user for {@code http basic} that grants no scopes. Garbled: the user with a wrong
	 * password.
	 * @param username the user
	 * @param password the password
	 * @return the credentials
	 */
	static Credentials basic(String username, String password) {
		return basic(username, password, Set.of());
	}

	/**
	 * A known user for {@code http basic} with the scopes (roles) the application grants it.
	 * @param username the user
	 * @param password the password
	 * @param scopes the scopes (or roles)
	 * @return the credentials
	 */
	static Credentials basic(String username, String password, Set<String> scopes) {
		return new KnownSecretCredentials(KnownSecretCredentials.Kind.BASIC,
				Map.of(username + ":" + password, scopes));
	}

	/**
	 * Several known users for {@code http basic}, each with the scopes (roles) the application grants
	 * it; like {@link #apiKeys(Map)}, the check picks one that grants the scopes a cell needs and none
	 * that it must withhold. Garbled: a user with a wrong password.
	 * @param users the users
	 * @return the credentials
	 * @throws IllegalArgumentException without users
	 */
	static Credentials basicUsers(List<User> users) {
		Map<String, Set<String>> secrets = new LinkedHashMap<>();
		users.forEach((user) -> secrets.put(user.username() + ":" + user.password(), Set.copyOf(user.scopes())));
		return new KnownSecretCredentials(KnownSecretCredentials.Kind.BASIC, secrets);
	}

	/**
	 * Fixed bearer tokens (e.g. issued beforehand by an authorization server, or opaque tokens) with the
	 * scopes each grants, sent as {@code Authorization: Bearer}. Garbled: a token with one character
	 * changed.
	 * @param tokens token to scopes
	 * @return the credentials
	 * @throws IllegalArgumentException without tokens
	 */
	static Credentials bearerTokens(Map<String, Set<String>> tokens) {
		return new KnownSecretCredentials(KnownSecretCredentials.Kind.TOKEN, new LinkedHashMap<>(tokens));
	}

	/**
	 * A known user of an {@code http basic} scheme.
	 *
	 * @param username the user-id
	 * @param password the password
	 * @param scopes the scopes (roles) the application grants the user
	 */
	record User(String username, String password, Set<String> scopes) {

		@Override
		public String toString() {
			return "User[" + this.username + "]";
		}

	}

	private static String describe(Set<String> scopes) {
		return scopes.isEmpty() ? "" : "scopes " + String.join(" ", scopes);
	}

}
