package dev.nexios.spring.test;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixed API keys or basic users, each granting a fixed set of scopes.
 */
final class KnownSecretCredentials implements Credentials {

	enum Kind {

		API_KEY, BASIC, TOKEN

	}

	private final Kind kind;

	/**
	 * For {@code API_KEY}: key to scopes; for {@code BASIC}: {@code user:password} to scopes; for
	 * {@code TOKEN}: bearer token to scopes.
	 */
	private final Map<String, Set<String>> secrets;

	KnownSecretCredentials(Kind kind, Map<String, Set<String>> secrets) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one key or user is needed");
		}
		this.kind = kind;
		this.secrets = secrets;
	}

	@Override
	public Optional<Credential> mint(DocumentedScheme scheme, Set<String> scopes, Set<String> withheldScopes) {
		checkScheme(scheme);
		// least privilege first, so that the choice does not depend on the map's order
		List<Map.Entry<String, Set<String>>> candidates = this.secrets.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> entry) -> entry.getValue().size())
				.thenComparing(Map.Entry::getKey))
			.toList();
		for (Map.Entry<String, Set<String>> entry : candidates) {
			Set<String> granted = entry.getValue();
			if (granted.containsAll(scopes) && Collections.disjoint(granted, withheldScopes)) {
				String description = granted.isEmpty() ? "" : "scopes " + String.join(" ", granted);
				return Optional.of(credential(scheme, entry.getKey()).describedAs(description));
			}
		}
		return Optional.empty();
	}

	@Override
	public List<Credential> garbled(DocumentedScheme scheme) {
		checkScheme(scheme);
		String secret = this.secrets.keySet().stream().sorted().findFirst().orElseThrow();
		if (this.kind == Kind.BASIC) {
			return List.of(credential(scheme, secret + "-wrong").describedAs("wrong password"));
		}
		if (this.kind == Kind.TOKEN) {
			return List.of(credential(scheme, Credential.tamper(secret)).describedAs("tampered token"));
		}
		String unknown = Credential.tamper(secret);
		while (this.secrets.containsKey(unknown)) {
			unknown = unknown + "x";
		}
		return List.of(credential(scheme, unknown).describedAs("unknown key"));
	}

	private Credential credential(DocumentedScheme scheme, String secret) {
		if (this.kind == Kind.BASIC) {
			int colon = secret.indexOf(':');
			return Credential.basic(secret.substring(0, colon), secret.substring(colon + 1));
		}
		return Credential.forScheme(scheme, secret);
	}

	private void checkScheme(DocumentedScheme scheme) {
		boolean fits = switch (this.kind) {
			case BASIC -> scheme.usesBasic();
			case API_KEY -> scheme.isApiKey();
			case TOKEN -> scheme.usesBearerToken();
		};
		if (!fits) {
			String what = switch (this.kind) {
				case BASIC -> "Basic";
				case API_KEY -> "API key";
				case TOKEN -> "Bearer token";
			};
			throw new IllegalArgumentException(what + " credentials were given for " + scheme);
		}
	}

}
