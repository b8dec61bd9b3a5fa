package dev.nexios.spring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.nexios.spring.test.ConformanceMatrix.Probe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the matrix plans, and expects, for each shape of security requirement (OpenAPI 3.1 §4.8.30).
 */
class ConformanceMatrixTest {

	static final DocumentedScheme BEARER = new DocumentedScheme("bearerAuth", "http", "bearer", "JWT", null, null);

	static final DocumentedScheme API_KEY = new DocumentedScheme("apiKeyAuth", "apiKey", null, null, "header",
			"X-API-KEY");

	final ConformanceMatrix matrix = new ConformanceMatrix(Map.of("bearerAuth", BEARER, "apiKeyAuth", API_KEY),
			Map.of("bearerAuth", Credentials.token((scopes) -> "token-" + new TreeSet<>(scopes)), "apiKeyAuth",
					Credentials.apiKey("key")));

	@Test
	void publicOperationIsOnlyAskedWithoutCredentials() {
		assertThat(expectations(List.of())).containsExactly(entry("public: no credentials", "not 401/403"));
	}

	@Test
	void alternativesAreEachMetAndEachGarbled() {
		assertThat(expectations(List.of(Map.of("bearerAuth", List.of()), Map.of("apiKeyAuth", List.of()))))
			.containsExactly(entry("no credentials", "401"), entry("meets {bearerAuth}", "not 401/403"),
					entry("{bearerAuth} with bearerAuth garbled: tampered credential", "401"),
					entry("meets {apiKeyAuth}", "not 401/403"),
					entry("{apiKeyAuth} with apiKeyAuth garbled: unknown key", "401"));
	}

	@Test
	void combinedSchemesAreEachLeftOutAndEachGarbledBesideTheOther() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of());
		both.put("apiKeyAuth", List.of());
		List<Probe> probes = this.matrix.plan(List.of(both));
		assertThat(expectationsOf(probes)).containsExactly(entry("no credentials", "401"),
				entry("meets {bearerAuth, apiKeyAuth}", "not 401/403"),
				entry("{bearerAuth, apiKeyAuth} without bearerAuth", "401"),
				entry("{bearerAuth, apiKeyAuth} without apiKeyAuth", "401"),
				entry("{bearerAuth, apiKeyAuth} with bearerAuth garbled: tampered credential", "401"),
				entry("{bearerAuth, apiKeyAuth} with apiKeyAuth garbled: unknown key", "401"));
		Probe garbledKey = probes.get(probes.size() - 1);
		assertThat(garbledKey.credentials()).isEqualTo("bearerAuth + apiKeyAuth (unknown key)");
		assertThat(garbledKey.sent()).extracting((credential) -> credential.headers().keySet())
			.containsExactly(Set.of("Authorization"), Set.of("X-API-KEY"));
	}

	@Test
	void eachRequiredScopeIsWithheldInTurn() {
		List<Probe> probes = this.matrix.plan(List.of(Map.of("bearerAuth", List.of("read", "admin"))));
		assertThat(expectationsOf(probes)).contains(entry("meets {bearerAuth[read, admin]}", "not 401/403"),
				entry("{bearerAuth[read, admin]} without scope read of bearerAuth", "403"),
				entry("{bearerAuth[read, admin]} without scope admin of bearerAuth", "403"));
		Probe withoutAdmin = probes.stream().filter((probe) -> probe.check().endsWith("scope admin of bearerAuth")).findFirst().orElseThrow();
		assertThat(withoutAdmin.credentials()).isEqualTo("bearerAuth [read]");
		assertThat(withoutAdmin.sent().get(0).headers()).containsEntry("Authorization", "Bearer token-[read]");
	}

	@Test
	void optionalSecurityAcceptsAnonymousRejectsGarbledAndLeavesShortCredentialsUndecided() {
		assertThat(expectations(List.of(Map.of(), Map.of("bearerAuth", List.of("read"))))).containsExactly(
				entry("no credentials", "not 401/403"), entry("meets {bearerAuth[read]}", "not 401/403"),
				entry("{bearerAuth[read]} without scope read of bearerAuth",
						"skipped: security is optional ({}): the document does not say whether credentials that"
								+ " meet no alternative are ignored or refused"),
				entry("{bearerAuth[read]} with bearerAuth garbled: tampered credential", "401"));
	}

	@Test
	void aScopeShortfallOnPresentedSchemesIsForbiddenEvenWhenAnotherAlternativeLacksAScheme() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of());
		both.put("apiKeyAuth", List.of());
		assertThat(expectations(List.of(Map.of("bearerAuth", List.of("admin")), both)))
			.contains(entry("{bearerAuth[admin]} without scope admin of bearerAuth", "403"))
			.contains(entry("{bearerAuth, apiKeyAuth} without bearerAuth", "401"))
			// the same request as the one without scope admin (a scope-less token), so planned once
			.doesNotContainKey("{bearerAuth, apiKeyAuth} without apiKeyAuth");
	}

	@Test
	void aGarbledExtraCredentialBesideAMetAlternativeIsLeftUndecided() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of());
		both.put("apiKeyAuth", List.of());
		Probe probe = this.matrix.plan(List.of(Map.of("bearerAuth", List.of()), both))
			.stream()
			.filter((candidate) -> candidate.check().equals("{bearerAuth, apiKeyAuth} with apiKeyAuth garbled: unknown key"))
			.findFirst()
			.orElseThrow();
		assertThat(probe.expected()).isNull();
		assertThat(probe.skipReason()).startsWith("the valid credentials sent meet another alternative");
	}

	@Test
	void missingCredentialsOrScopesTheyCannotGrantAreSkipped() {
		ConformanceMatrix partial = new ConformanceMatrix(Map.of("bearerAuth", BEARER, "apiKeyAuth", API_KEY),
				Map.of("apiKeyAuth", Credentials.apiKey("key")));
		assertThat(partial.plan(List.of(Map.of("bearerAuth", List.of()), Map.of("apiKeyAuth", List.of("admin")))))
			.filteredOn((probe) -> probe.skipReason() != null)
			.extracting(Probe::check, Probe::skipReason)
			.containsExactly(
					tuple("meets {bearerAuth}",
							"no credentials for bearerAuth (add .credentials(\"bearerAuth\", ...))"),
					tuple("{bearerAuth} with bearerAuth garbled",
							"no credentials for bearerAuth (add .credentials(\"bearerAuth\", ...))"),
					tuple("meets {apiKeyAuth[admin]}",
							"no credential of apiKeyAuth grants scope admin"));
	}

	private Map<String, String> expectations(List<Map<String, List<String>>> requirements) {
		return expectationsOf(this.matrix.plan(requirements));
	}

	private static Map<String, String> expectationsOf(List<Probe> probes) {
		Map<String, String> result = new LinkedHashMap<>();
		probes.forEach((probe) -> result.put(probe.check(),
				(probe.expected() != null) ? probe.expected().label() : "skipped: " + probe.skipReason()));
		return result;
	}

}
