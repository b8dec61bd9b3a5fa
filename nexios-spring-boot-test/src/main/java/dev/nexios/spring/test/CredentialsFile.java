package dev.nexios.spring.test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Reads a credentials file (YAML or JSON) for the command-line check and applies it to a
 * {@link NexiosConformance}. The shape:
 * <pre>
 * schemes:
 *   bearerAuth:
 *     jwt:                                   # mint RS256 tokens with any scopes
 *       private-key: keys/signing-key.pem    # PKCS#8 PEM RSA key, relative to this file
 *       issuer: https://issuer.example
 *       audience: [orders-api]               # optional
 *       key-id: key-1                        # optional, the "kid" header
 *       claims: { tenant: acme }             # optional extra claims
 *   oauth2:
 *     same-as: bearerAuth                    # the same credentials and the same verifier
 *   apiKeyAuth:
 *     api-keys:
 *       - { key: test-admin-key, scopes: [admin] }
 *       - { key-env: PLAIN_KEY }             # the key from an environment variable
 *   basicAuth:
 *     users:
 *       - { username: alice, password: secret, scopes: [read] }   # or password-env
 *   opaqueAuth:
 *     tokens:
 *       - { token-env: READ_TOKEN, scopes: [read] }
 * shared-verifiers:                          # schemes that accept each other's credentials
 *   - [bearerAuth, partnerAuth]
 * parameters: { id: "42" }                   # values of path, query, header, cookie parameters
 * request-bodies: { "POST /orders": '{"name":"x","count":1}' }
 * skip: { "GET /internal": "not exposed" }
 * </pre>
 * Secrets are only read, never echoed: an error names the field, not its value.
 */
final class CredentialsFile {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private final Path file;

	private final JsonNode root;

	private final Function<String, String> environment;

	private CredentialsFile(Path file, JsonNode root, Function<String, String> environment) {
		this.file = file;
		this.root = root;
		this.environment = environment;
	}

	/**
	 * Reads the file (YAML, of which JSON is a subset).
	 * @throws IllegalArgumentException if it cannot be read or is not a mapping
	 */
	static CredentialsFile read(Path file, Function<String, String> environment) {
		JsonNode root;
		try {
			root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the credentials file " + file + ": "
					+ ex.getClass().getSimpleName());
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("The credentials file " + file + " must be a mapping with 'schemes'");
		}
		Set<String> known = Set.of("schemes", "shared-verifiers", "parameters", "request-bodies", "skip");
		root.fieldNames().forEachRemaining((name) -> {
			if (!known.contains(name)) {
				throw new IllegalArgumentException("Unknown field '" + name + "' in " + file + " (known: " + known + ")");
			}
		});
		return new CredentialsFile(file, root, environment);
	}

	/** Applies credentials, shared verifiers, parameters, request bodies and skips. */
	void applyTo(NexiosConformance conformance) {
		Map<String, Credentials> bySchemes = new LinkedHashMap<>();
		Map<String, String> sameAs = new LinkedHashMap<>();
		JsonNode schemes = this.root.path("schemes");
		for (Map.Entry<String, JsonNode> entry : schemes.properties()) {
			String scheme = entry.getKey();
			JsonNode node = entry.getValue();
			if (node.has("same-as")) {
				sameAs.put(scheme, node.get("same-as").asText());
				continue;
			}
			bySchemes.put(scheme, credentials(scheme, node));
		}
		sameAs.forEach((scheme, target) -> {
			Credentials credentials = bySchemes.get(target);
			if (credentials == null) {
				throw new IllegalArgumentException("schemes." + scheme + ".same-as names " + target
						+ ", which has no credentials of its own in " + this.file);
			}
			bySchemes.put(scheme, credentials);
			conformance.sharedVerifier(scheme, target);
		});
		bySchemes.forEach(conformance::credentials);
		for (JsonNode group : this.root.path("shared-verifiers")) {
			List<String> names = new ArrayList<>();
			group.forEach((name) -> names.add(name.asText()));
			conformance.sharedVerifier(names.toArray(String[]::new));
		}
		this.root.path("parameters").properties().forEach((entry) -> conformance.parameter(entry.getKey(),
				entry.getValue().asText()));
		this.root.path("request-bodies").properties().forEach((entry) -> conformance.requestBody(entry.getKey(),
				entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
		this.root.path("skip").properties().forEach((entry) -> conformance.skip(entry.getKey(),
				entry.getValue().asText()));
	}

	private Credentials credentials(String scheme, JsonNode node) {
		String where = "schemes." + scheme;
		if (node.has("jwt")) {
			return jwt(where + ".jwt", node.get("jwt"));
		}
		if (node.has("api-keys")) {
			Map<String, Set<String>> keys = new LinkedHashMap<>();
			int i = 0;
			for (JsonNode key : node.get("api-keys")) {
				keys.put(secret(key, "key", where + ".api-keys[" + i++ + "]"), scopes(key));
			}
			return Credentials.apiKeys(nonEmpty(keys, where + ".api-keys"));
		}
		if (node.has("users")) {
			List<Credentials.User> users = new ArrayList<>();
			int i = 0;
			for (JsonNode user : node.get("users")) {
				String at = where + ".users[" + i++ + "]";
				users.add(new Credentials.User(required(user, "username", at), secret(user, "password", at), scopes(user)));
			}
			if (users.isEmpty()) {
				throw new IllegalArgumentException(where + ".users lists no user");
			}
			return Credentials.basicUsers(users);
		}
		if (node.has("tokens")) {
			Map<String, Set<String>> tokens = new LinkedHashMap<>();
			int i = 0;
			for (JsonNode token : node.get("tokens")) {
				tokens.put(secret(token, "token", where + ".tokens[" + i++ + "]"), scopes(token));
			}
			return Credentials.bearerTokens(nonEmpty(tokens, where + ".tokens"));
		}
		throw new IllegalArgumentException(where + " needs one of jwt, api-keys, users, tokens or same-as");
	}

	private Credentials jwt(String where, JsonNode node) {
		String location = required(node, "private-key", where);
		Path pem = this.file.toAbsolutePath().getParent().resolve(location);
		RSAKey key = rsaKey(pem, where + ".private-key", node.path("key-id").asText(null));
		JwtCredentials jwt = Credentials.jwt(key, required(node, "issuer", where));
		JsonNode audience = node.path("audience");
		if (audience.isArray()) {
			for (JsonNode value : audience) {
				jwt = jwt.audience(value.asText());
			}
		}
		else if (audience.isTextual()) {
			jwt = jwt.audience(audience.asText());
		}
		for (Map.Entry<String, JsonNode> claim : node.path("claims").properties()) {
			jwt = jwt.claim(claim.getKey(), YAML.convertValue(claim.getValue(), Object.class));
		}
		return jwt;
	}

	/** A PKCS#8 PEM RSA private key; the public half from its CRT parameters. */
	static RSAKey rsaKey(Path pem, String where, String keyId) {
		String text;
		try {
			text = Files.readString(pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(where + ": cannot read " + pem + " (" + ex.getClass().getSimpleName() + ")");
		}
		if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
			throw new IllegalArgumentException(where + ": " + pem + " is not a PKCS#8 PEM private key (\"-----BEGIN"
					+ " PRIVATE KEY-----\"); convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
		}
		String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"))
			.replaceAll("\\s", "");
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			BigInteger modulus = privateKey.getModulus();
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(modulus, privateKey.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).build();
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalArgumentException(where + ": " + pem + " is not an RSA private key ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	private String secret(JsonNode node, String field, String where) {
		if (node.hasNonNull(field)) {
			return node.get(field).asText();
		}
		String variable = node.path(field + "-env").asText(null);
		if (variable != null) {
			String value = this.environment.apply(variable);
			if (value == null || value.isEmpty()) {
				throw new IllegalArgumentException(where + "." + field + "-env: the environment variable " + variable
						+ " is not set");
			}
			return value;
		}
		throw new IllegalArgumentException(where + " needs " + field + " or " + field + "-env");
	}

	private static String required(JsonNode node, String field, String where) {
		if (!node.hasNonNull(field) || node.get(field).asText().isEmpty()) {
			throw new IllegalArgumentException(where + " needs " + field);
		}
		return node.get(field).asText();
	}

	private static Set<String> scopes(JsonNode node) {
		Set<String> scopes = new LinkedHashSet<>();
		JsonNode value = node.path("scopes");
		if (value.isArray()) {
			value.forEach((scope) -> scopes.add(scope.asText()));
		}
		else if (value.isTextual()) {
			for (String scope : value.asText().split("[\\s,]+")) {
				if (!scope.isEmpty()) {
					scopes.add(scope);
				}
			}
		}
		return scopes;
	}

	private static <V> Map<String, V> nonEmpty(Map<String, V> values, String where) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException(where + " lists nothing");
		}
		return values;
	}

	@Override
	public String toString() {
		return "CredentialsFile[" + this.file.getFileName().toString().toLowerCase(Locale.ROOT) + "]";
	}

}
