package dev.nexios.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the requests for one operation from its security requirements as documented (OpenAPI 3.1
 * §4.8.30: a list of alternatives, OR; each alternative names schemes that are all required, AND, with
 * the scopes required of each; an empty list is public, an empty alternative {@code {}} makes security
 * optional) and decides, from the document alone, what each answer must be.
 * <p>
 * For a secured operation it plans: no credentials; for each alternative, credentials that meet
 * exactly it; the alternative with one scheme left out (for alternatives of two or more schemes); the
 * alternative with one required scope withheld (each scope in turn); the alternative with one scheme's
 * credential garbled (each garbled variant in turn). The expected answer follows from the valid
 * credentials sent: an alternative met: not 401/403; else all schemes of some alternative presented
 * but a scope missing: 403; else 401. Without credentials: 401, or not 401/403 when {@code {}} makes
 * security optional. A garbled credential: 401 (also under optional security). Cases the document
 * leaves undecided are planned but skipped, with the reason: valid credentials that meet no alternative
 * under optional security (ignored or refused?), and a garbled credential beside valid ones that meet
 * another alternative.
 */
final class ConformanceMatrix {

	/** One planned request; {@code skipReason} is set when it cannot be built. */
	record Probe(String check, String credentials, List<Credential> sent, Expectation expected, String skipReason) {

	}

	private record Part(String scheme, Set<String> granted, Set<String> withheld, Credential garbled) {

	}

	private final Map<String, DocumentedScheme> schemes;

	private final Map<String, Credentials> credentials;

	ConformanceMatrix(Map<String, DocumentedScheme> schemes, Map<String, Credentials> credentials) {
		this.schemes = schemes;
		this.credentials = credentials;
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
		add(probes, new Probe("no credentials", "none", List.of(),
				optional ? Expectation.NOT_REJECTED : Expectation.UNAUTHORIZED, null));
		Map<String, Set<String>> mentioned = new LinkedHashMap<>();
		secured.forEach((alternative) -> alternative
			.forEach((scheme, scopes) -> mentioned.computeIfAbsent(scheme, (key) -> new LinkedHashSet<>()).addAll(scopes)));
		for (Map<String, Set<String>> alternative : secured) {
			String label = label(alternative);
			add(probes, probe("meets " + label, valid(alternative, Map.of()), Expectation.NOT_REJECTED));
			if (alternative.size() > 1) {
				for (String left : alternative.keySet()) {
					Map<String, Set<String>> rest = without(alternative, left);
					add(probes, probe(label + " without " + left, valid(rest, mentioned), rest, secured, optional));
				}
			}
			alternative.forEach((scheme, scopes) -> {
				for (String scope : scopes) {
					Map<String, Set<String>> fewerScopes = new LinkedHashMap<>(alternative);
					Set<String> fewer = new LinkedHashSet<>(scopes);
					fewer.remove(scope);
					fewerScopes.put(scheme, fewer);
					add(probes, probe(label + " without scope " + scope + " of " + scheme, valid(fewerScopes, mentioned),
							fewerScopes, secured, optional));
				}
			});
			for (String scheme : alternative.keySet()) {
				garbled(probes, label, alternative, scheme, secured, mentioned);
			}
		}
		return List.copyOf(probes.values());
	}

	private void garbled(Map<String, Probe> probes, String label, Map<String, Set<String>> alternative, String scheme,
			List<Map<String, Set<String>>> secured, Map<String, Set<String>> mentioned) {
		String check = label + " with " + scheme + " garbled";
		DocumentedScheme documented = this.schemes.get(scheme);
		Credentials source = this.credentials.get(scheme);
		if (documented == null || source == null) {
			String reason = (documented == null) ? undeclared(scheme) : noCredentials(scheme);
			add(probes, new Probe(check, scheme + "(garbled)", List.of(), null, reason));
			return;
		}
		List<Credential> variants = source.garbled(documented);
		if (variants.isEmpty()) {
			add(probes, new Probe(check, scheme + "(garbled)", List.of(), null,
					"the credentials of " + scheme + " offer no garbled credential"));
		}
		Map<String, Set<String>> rest = without(alternative, scheme);
		for (Credential variant : variants) {
			List<Part> parts = valid(rest, mentioned);
			parts.add(new Part(scheme, Set.of(), Set.of(), variant));
			if (satisfied(rest, secured)) {
				add(probes, skipped(check + ": " + variant.description(), parts,
						"the valid credentials sent meet another alternative; the document does not say whether"
								+ " an invalid extra credential is rejected"));
			}
			else {
				add(probes, probe(check + ": " + variant.description(), parts, Expectation.UNAUTHORIZED));
			}
		}
	}

	/**
	 * The probe for valid credentials that may fall short of every alternative: not 401/403 if they
	 * meet one; under optional security ({@code {}}) otherwise undecided (the document does not say
	 * whether presented credentials that meet no alternative are ignored or refused), so skipped;
	 * else 403 if all schemes of some alternative were presented (a scope is missing), else 401.
	 */
	private Probe probe(String check, List<Part> parts, Map<String, Set<String>> sent,
			List<Map<String, Set<String>>> secured, boolean optional) {
		if (satisfied(sent, secured)) {
			return probe(check, parts, Expectation.NOT_REJECTED);
		}
		if (optional) {
			return skipped(check, parts, "security is optional ({}): the document does not say whether credentials"
					+ " that meet no alternative are ignored or refused");
		}
		boolean schemesPresented = secured.stream().anyMatch((alternative) -> sent.keySet().containsAll(alternative.keySet()));
		return probe(check, parts, schemesPresented ? Expectation.FORBIDDEN : Expectation.UNAUTHORIZED);
	}

	private static boolean satisfied(Map<String, Set<String>> sent, List<Map<String, Set<String>>> secured) {
		return secured.stream()
			.anyMatch((alternative) -> alternative.entrySet()
				.stream()
				.allMatch((required) -> sent.containsKey(required.getKey())
						&& sent.get(required.getKey()).containsAll(required.getValue())));
	}

	private static List<Part> valid(Map<String, Set<String>> granted, Map<String, Set<String>> mentioned) {
		List<Part> parts = new ArrayList<>();
		granted.forEach((scheme, scopes) -> {
			Set<String> withheld = new LinkedHashSet<>(mentioned.getOrDefault(scheme, Set.of()));
			withheld.removeAll(scopes);
			parts.add(new Part(scheme, scopes, withheld, null));
		});
		return parts;
	}

	private Probe probe(String check, List<Part> parts, Expectation expected) {
		List<Credential> sent = new ArrayList<>();
		for (Part part : parts) {
			if (part.garbled() != null) {
				sent.add(part.garbled());
				continue;
			}
			DocumentedScheme documented = this.schemes.get(part.scheme());
			Credentials source = this.credentials.get(part.scheme());
			if (documented == null) {
				return skipped(check, parts, undeclared(part.scheme()));
			}
			if (source == null) {
				return skipped(check, parts, noCredentials(part.scheme()));
			}
			Optional<Credential> credential = source.mint(documented, part.granted(), part.withheld());
			if (credential.isEmpty()) {
				String grants = part.granted().isEmpty() ? "" : " grants scope " + String.join(" ", part.granted());
				String withholds = part.withheld().isEmpty() ? ""
						: " withholds scope " + String.join(" ", part.withheld());
				return skipped(check, parts, "no credential of " + part.scheme() + grants
						+ ((grants.isEmpty() || withholds.isEmpty()) ? "" : " and") + withholds);
			}
			sent.add(credential.get());
		}
		return new Probe(check, describe(parts), sent, expected, null);
	}

	private static Probe skipped(String check, List<Part> parts, String reason) {
		return new Probe(check, describe(parts), List.of(), null, reason);
	}

	private static void add(Map<String, Probe> probes, Probe probe) {
		probes.putIfAbsent(probe.credentials() + "\u0000" + ((probe.skipReason() != null) ? probe.check() : ""), probe);
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

	private static String describe(List<Part> parts) {
		if (parts.isEmpty()) {
			return "none";
		}
		return parts.stream().map((part) -> {
			if (part.garbled() != null) {
				return part.scheme() + " (" + part.garbled().description() + ")";
			}
			return part.scheme() + (part.granted().isEmpty() ? "" : " " + part.granted().stream().collect(Collectors.joining(" ", "[", "]")));
		}).collect(Collectors.joining(" + "));
	}

	private static String undeclared(String scheme) {
		return "scheme " + scheme + " is not declared under components.securitySchemes";
	}

	private static String noCredentials(String scheme) {
		return "no credentials for " + scheme + " (add .credentials(\"" + scheme + "\", ...))";
	}

}
