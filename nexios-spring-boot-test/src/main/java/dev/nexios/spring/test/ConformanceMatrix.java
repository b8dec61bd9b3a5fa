package dev.nexios.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the requests for one operation from its security requirements as documented (OpenAPI 3.1
 * §4.8.30: a list of alternatives, OR; each alternative names schemes that are all required, AND, with
 * the scopes required of each; an empty list is public, an empty alternative {@code {}} makes security
 * optional) and decides, from the document and what each credential really satisfies, what each answer
 * must be.
 * <p>
 * For a secured operation it plans: no credentials; for each alternative, credentials that meet it;
 * the alternative with one scheme left out (for alternatives of two or more schemes); the alternative
 * with one required scope withheld (each scope in turn); the alternative with one scheme's credential
 * garbled (each garbled variant in turn; sent alone when the rest would meet another alternative or
 * cannot travel beside it).
 * <p>
 * A credential travels in a <em>slot</em> (the {@code Authorization} header, an API key's header, query
 * parameter or cookie), and every scheme of the operation that reads that slot sees it: a token minted
 * for {@code bearerAuth} is also presented to {@code oauth2}. It authenticates every scheme that
 * {@linkplain #ConformanceMatrix(Map, Map, Map) shares the verifier} of the scheme it was minted for,
 * with the same scopes, and fails for the others. Two credentials that need one slot are merged into
 * one when their schemes share a verifier, else the request cannot be built and is skipped.
 * <p>
 * The expected answer follows from what the schemes saw: an alternative whose schemes all
 * authenticated with the required scopes: not 401/403 (OpenAPI: one satisfied alternative authorizes
 * the request); else, under optional security, not 401/403 when no scheme saw a credential, 401 when
 * credentials were seen and all failed, undecided (skipped) when one authenticated but met no
 * alternative (ignored, 401 or 403?); else 403 when every scheme of some alternative
 * authenticated (a scope is missing), else 401.
 */
final class ConformanceMatrix {

	/**
	 * One planned request; {@code skipReason} is set when it cannot be built or is not decided;
	 * {@code request} identifies what is sent, so that the same request is planned once.
	 */
	record Probe(String check, String credentials, List<Credential> sent, Expectation expected, String skipReason,
			String request) {

		Probe(String check, String credentials, List<Credential> sent, Expectation expected, String skipReason) {
			this(check, credentials, sent, expected, skipReason, credentials);
		}

	}

	/** One credential to send: valid for {@code scheme} with {@code granted}, or {@code garbled}. */
	private record Part(String scheme, Set<String> granted, Credential garbled, String label) {

		boolean valid() {
			return this.garbled == null;
		}

	}

	private enum Seen {

		ABSENT, VALID, INVALID

	}

	private final Map<String, DocumentedScheme> schemes;

	private final Map<String, Credentials> credentials;

	private final Map<String, Object> verifiers;

	ConformanceMatrix(Map<String, DocumentedScheme> schemes, Map<String, Credentials> credentials) {
		this(schemes, credentials, Map.of());
	}

	/**
	 * @param schemes the documented schemes by name
	 * @param credentials the credentials by scheme name
	 * @param verifiers scheme name to a verifier identity: schemes with equal identities accept each
	 * other's credentials. A scheme without an entry is verified by its {@link Credentials} instance,
	 * so schemes given the same instance share a verifier.
	 */
	ConformanceMatrix(Map<String, DocumentedScheme> schemes, Map<String, Credentials> credentials,
			Map<String, ?> verifiers) {
		this.schemes = schemes;
		this.credentials = credentials;
		this.verifiers = new LinkedHashMap<>(verifiers);
	}

	private Object verifier(String scheme) {
		Object explicit = this.verifiers.get(scheme);
		if (explicit != null) {
			return explicit;
		}
		Credentials source = this.credentials.get(scheme);
		return (source != null) ? source : scheme;
	}

	private boolean shareVerifier(String a, String b) {
		return a.equals(b) || verifier(a).equals(verifier(b));
	}

	/** Where a scheme's credential travels; {@code null} for schemes without a known place. */
	private String slot(String scheme) {
		DocumentedScheme documented = this.schemes.get(scheme);
		return (documented != null) ? documented.slot() : null;
	}

	List<Probe> plan(List<Map<String, List<String>>> requirements) {
		List<Map<String, Set<String>>> alternatives = new ArrayList<>();
		for (Map<String, List<String>> requirement : requirements) {
			Map<String, Set<String>> alternative = new LinkedHashMap<>();
			requirement.forEach((scheme, scopes) -> alternative.put(scheme,
					new LinkedHashSet<>((scopes != null) ? scopes : List.of())));
			alternatives.add(alternative);
		}
		boolean optional = alternatives.stream().anyMatch(Map::isEmpty);
		List<Map<String, Set<String>>> secured = alternatives.stream().filter((a) -> !a.isEmpty()).toList();
		Map<String, Probe> probes = new LinkedHashMap<>();
		if (secured.isEmpty()) {
			String check = optional ? "security optional ({}): no credentials" : "public: no credentials";
			add(probes, new Probe(check, "none", List.of(), Expectation.NOT_REJECTED, null));
			return List.copyOf(probes.values());
		}
		Operation operation = new Operation(secured, optional);
		add(probes, new Probe("no credentials", "none", List.of(),
				optional ? Expectation.NOT_REJECTED : Expectation.UNAUTHORIZED, null));
		for (Map<String, Set<String>> alternative : secured) {
			String label = label(alternative);
			add(probes, probe("meets " + label, valid(alternative), operation));
			if (alternative.size() > 1) {
				for (String left : alternative.keySet()) {
					add(probes, probe(label + " without " + left, valid(without(alternative, left)), operation));
				}
			}
			alternative.forEach((scheme, scopes) -> {
				for (String scope : scopes) {
					Map<String, Set<String>> fewerScopes = new LinkedHashMap<>(alternative);
					Set<String> fewer = new LinkedHashSet<>(scopes);
					fewer.remove(scope);
					fewerScopes.put(scheme, fewer);
					add(probes, probe(label + " without scope " + scope + " of " + scheme, valid(fewerScopes),
							operation));
				}
			});
			for (String scheme : alternative.keySet()) {
				garbled(probes, label, alternative, scheme, operation);
			}
		}
		return List.copyOf(probes.values());
	}

	/** The operation's secured alternatives, whether {@code {}} makes security optional, and its schemes. */
	private static final class Operation {

		final List<Map<String, Set<String>>> secured;

		final boolean optional;

		final Map<String, Set<String>> mentioned = new LinkedHashMap<>();

		Operation(List<Map<String, Set<String>>> secured, boolean optional) {
			this.secured = secured;
			this.optional = optional;
			secured.forEach((alternative) -> alternative.forEach((scheme, scopes) -> this.mentioned
				.computeIfAbsent(scheme, (key) -> new LinkedHashSet<>())
				.addAll(scopes)));
		}

	}

	private void garbled(Map<String, Probe> probes, String label, Map<String, Set<String>> alternative, String scheme,
			Operation operation) {
		String check = label + " with " + scheme + " garbled";
		DocumentedScheme documented = this.schemes.get(scheme);
		Credentials source = this.credentials.get(scheme);
		if (documented == null || source == null) {
			String reason = (documented == null) ? undeclared(scheme) : noCredentials(scheme);
			add(probes, new Probe(check, scheme + " (garbled)", List.of(), null, reason));
			return;
		}
		List<Credential> variants = source.garbled(documented);
		if (variants.isEmpty()) {
			add(probes, new Probe(check, scheme + " (garbled)", List.of(), null,
					"the credentials of " + scheme + " offer no garbled credential"));
		}
		for (Credential variant : variants) {
			Part garbledPart = new Part(scheme, Set.of(), variant, scheme + " (" + variant.description() + ")");
			List<Part> parts = valid(without(alternative, scheme));
			parts.add(garbledPart);
			Probe beside = probe(check + ": " + variant.description(), parts, operation);
			// beside valid credentials that meet another alternative (authorized), or that cannot travel
			// with it, the garbled credential is sent alone: then nothing valid is presented
			if (beside.skipReason() != null || beside.expected() == Expectation.NOT_REJECTED) {
				add(probes, probe(scheme + " garbled, alone: " + variant.description(), List.of(garbledPart),
						operation));
			}
			else {
				add(probes, beside);
			}
		}
	}

	private static List<Part> valid(Map<String, Set<String>> granted) {
		List<Part> parts = new ArrayList<>();
		granted.forEach((scheme, scopes) -> parts.add(new Part(scheme, scopes, null, null)));
		return parts;
	}

	/** Merges the parts, mints them, and computes the expectation from what each scheme sees. */
	private Probe probe(String check, List<Part> planned, Operation operation) {
		for (Part part : planned) {
			if (!this.schemes.containsKey(part.scheme())) {
				return skipped(check, planned, undeclared(part.scheme()));
			}
			if (part.valid() && !this.credentials.containsKey(part.scheme())) {
				return skipped(check, planned, noCredentials(part.scheme()));
			}
			if (slot(part.scheme()) == null) {
				return skipped(check, planned, "no request can carry a credential of " + this.schemes.get(part.scheme())
						+ " (only bearer tokens, http basic and API keys are supported)");
			}
		}
		// one credential per slot: parts that need the same slot merge when they share a verifier
		Map<String, Part> bySlot = new LinkedHashMap<>();
		for (Part part : planned) {
			String slot = slot(part.scheme());
			Part present = bySlot.get(slot);
			if (present == null) {
				bySlot.put(slot, part);
				continue;
			}
			if (present.valid() && part.valid() && shareVerifier(present.scheme(), part.scheme())
					&& Objects.equals(this.schemes.get(present.scheme()).authorizationScheme(),
							this.schemes.get(part.scheme()).authorizationScheme())) {
				Set<String> union = new LinkedHashSet<>(present.granted());
				union.addAll(part.granted());
				String mergedLabel = ((present.label() != null) ? present.label() : present.scheme()) + "/"
						+ part.scheme();
				bySlot.put(slot, new Part(present.scheme(), union, null, mergedLabel));
				continue;
			}
			return skipped(check, planned, present.scheme() + " and " + part.scheme() + " both need the " + slot
					+ ((present.valid() && part.valid()) ? " and do not share a verifier" : "")
					+ "; one request cannot carry both");
		}
		List<Credential> sent = new ArrayList<>();
		for (Part part : bySlot.values()) {
			if (!part.valid()) {
				sent.add(part.garbled());
				continue;
			}
			Set<String> withheld = new LinkedHashSet<>();
			operation.mentioned.forEach((scheme, scopes) -> {
				if (slot(part.scheme()).equals(slot(scheme)) && shareVerifier(part.scheme(), scheme)) {
					withheld.addAll(scopes);
				}
			});
			withheld.removeAll(part.granted());
			Optional<Credential> credential = this.credentials.get(part.scheme())
				.mint(this.schemes.get(part.scheme()), part.granted(), withheld);
			if (credential.isEmpty()) {
				String grants = part.granted().isEmpty() ? "" : " grants scope " + String.join(" ", part.granted());
				String withholds = withheld.isEmpty() ? "" : " withholds scope " + String.join(" ", withheld);
				return skipped(check, planned, "no credential of " + part.scheme() + grants
						+ ((grants.isEmpty() || withholds.isEmpty()) ? "" : " and") + withholds);
			}
			sent.add(credential.get());
		}
		String description = describe(bySlot.values());
		String request = bySlot.entrySet().stream().map((entry) -> {
			Part part = entry.getValue();
			String canonical = this.schemes.keySet()
				.stream()
				.filter((scheme) -> entry.getKey().equals(slot(scheme)) && shareVerifier(scheme, part.scheme()))
				.sorted()
				.findFirst()
				.orElse(part.scheme());
			// a garbled credential is invalid for every scheme that reads it, whichever it was made for
			return entry.getKey() + "=" + (part.valid() ? canonical + new java.util.TreeSet<>(part.granted())
					: "!" + part.garbled().description());
		}).sorted().collect(Collectors.joining(" + "));
		// what each scheme of the operation sees
		Map<String, Seen> seen = new LinkedHashMap<>();
		Map<String, Set<String>> scopes = new LinkedHashMap<>();
		for (String scheme : operation.mentioned.keySet()) {
			Part part = bySlot.get(slot(scheme));
			DocumentedScheme documented = this.schemes.get(scheme);
			if (part == null || documented == null || !Objects.equals(documented.authorizationScheme(),
					this.schemes.get(part.scheme()).authorizationScheme())) {
				seen.put(scheme, Seen.ABSENT);
			}
			else if (part.valid() && shareVerifier(part.scheme(), scheme)) {
				seen.put(scheme, Seen.VALID);
				scopes.put(scheme, part.granted());
			}
			else {
				seen.put(scheme, Seen.INVALID);
			}
		}
		boolean met = operation.secured.stream()
			.anyMatch((alternative) -> alternative.entrySet()
				.stream()
				.allMatch((required) -> seen.get(required.getKey()) == Seen.VALID
						&& scopes.get(required.getKey()).containsAll(required.getValue())));
		if (met) {
			return new Probe(check, description, sent, Expectation.NOT_REJECTED, null, request);
		}
		if (operation.optional) {
			if (seen.values().stream().allMatch((value) -> value == Seen.ABSENT)) {
				return new Probe(check, description, sent, Expectation.NOT_REJECTED, null, request);
			}
			if (!seen.containsValue(Seen.VALID)) {
				return new Probe(check, description, sent, Expectation.UNAUTHORIZED, null, request);
			}
			return new Probe(check, description, List.of(), null, "security is optional ({}): the document does not"
					+ " say whether credentials that meet no alternative are ignored or refused", request);
		}
		boolean authenticated = operation.secured.stream()
			.anyMatch((alternative) -> alternative.keySet().stream().allMatch((scheme) -> seen.get(scheme) == Seen.VALID));
		return new Probe(check, description, sent, authenticated ? Expectation.FORBIDDEN : Expectation.UNAUTHORIZED,
				null, request);
	}

	private static Probe skipped(String check, List<Part> parts, String reason) {
		return new Probe(check, describe(parts), List.of(), null, reason);
	}

	private static void add(Map<String, Probe> probes, Probe probe) {
		probes.putIfAbsent(probe.request() + "\u0000" + ((probe.skipReason() != null) ? probe.check() : ""), probe);
	}

	private static Map<String, Set<String>> without(Map<String, Set<String>> alternative, String scheme) {
		Map<String, Set<String>> rest = new LinkedHashMap<>(alternative);
		rest.remove(scheme);
		return rest;
	}

	static String label(Map<String, Set<String>> alternative) {
		return "{" + alternative.entrySet()
			.stream()
			.map((entry) -> entry.getKey()
					+ (entry.getValue().isEmpty() ? "" : entry.getValue().stream().collect(Collectors.joining(", ", "[", "]"))))
			.collect(Collectors.joining(", ")) + "}";
	}

	private static String describe(java.util.Collection<Part> parts) {
		if (parts.isEmpty()) {
			return "none";
		}
		return parts.stream().map((part) -> {
			if (!part.valid()) {
				return part.label();
			}
			String name = (part.label() != null) ? part.label() : part.scheme();
			return name + (part.granted().isEmpty() ? "" : " " + part.granted().stream().collect(Collectors.joining(" ", "[", "]")));
		}).collect(Collectors.joining(" + "));
	}

	private static String undeclared(String scheme) {
		return "scheme " + scheme + " is not declared under components.securitySchemes";
	}

	private static String noCredentials(String scheme) {
		return "no credentials for " + scheme + " (add .credentials(\"" + scheme + "\", ...))";
	}

}
