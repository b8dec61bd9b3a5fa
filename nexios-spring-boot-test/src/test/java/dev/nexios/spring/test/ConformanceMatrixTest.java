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
	void aGarbledCredentialBesideCredentialsThatMeetAnotherAlternativeIsSentAlone() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of());
		both.put("apiKeyAuth", List.of());
		List<Probe> probes = this.matrix.plan(List.of(Map.of("bearerAuth", List.of()), both));
		assertThat(probes).extracting(Probe::check)
			.doesNotContain("{bearerAuth, apiKeyAuth} with apiKeyAuth garbled: unknown key")
			.contains("apiKeyAuth garbled, alone: unknown key");
		Probe alone = probes.stream().filter((probe) -> probe.check().equals("apiKeyAuth garbled, alone: unknown key"))
			.findFirst()
			.orElseThrow();
		assertThat(alone.expected()).isEqualTo(Expectation.UNAUTHORIZED);
		assertThat(alone.sent()).hasSize(1);
		assertThat(probes).allSatisfy((probe) -> assertThat(probe.skipReason()).isNull());
	}

	static final DocumentedScheme OAUTH2 = new DocumentedScheme("oauth2", "oauth2", null, null, null, null);

	static final DocumentedScheme PARTNER = new DocumentedScheme("partnerAuth", "http", "bearer", "JWT", null, null);

	/** One token source for bearerAuth and oauth2 (one verifier), another for partnerAuth. */
	final ConformanceMatrix shared = sharedMatrix();

	private static ConformanceMatrix sharedMatrix() {
		Credentials tokens = Credentials.token((scopes) -> "token-" + new TreeSet<>(scopes));
		return new ConformanceMatrix(Map.of("bearerAuth", BEARER, "oauth2", OAUTH2, "partnerAuth", PARTNER),
				Map.of("bearerAuth", tokens, "oauth2", tokens, "partnerAuth",
						Credentials.token((scopes) -> "partner-" + new TreeSet<>(scopes))));
	}

	@Test
	void aTokenOfOneSchemeAlsoSatisfiesTheSchemesThatShareItsVerifier() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of("admin"));
		both.put("oauth2", List.of());
		List<Probe> probes = this.shared.plan(List.of(both));
		assertThat(expectationsOf(probes)).containsExactly(entry("no credentials", "401"),
				entry("meets {bearerAuth[admin], oauth2}", "not 401/403"),
				// an oauth2 token without admin also authenticates bearerAuth, without admin: 403, not 401
				entry("{bearerAuth[admin], oauth2} without bearerAuth", "403"),
				entry("bearerAuth garbled, alone: tampered credential", "401"));
		// one token for both: they read the same Authorization header
		assertThat(probes.get(1).sent()).singleElement()
			.satisfies((credential) -> assertThat(credential.headers()).containsEntry("Authorization", "Bearer token-[admin]"));
		assertThat(probes.get(1).credentials()).isEqualTo("bearerAuth/oauth2 [admin]");
	}

	@Test
	void aTokenOfAnotherVerifierIsInvalidForTheSchemeThatSeesIt() {
		Map<String, List<String>> both = new LinkedHashMap<>();
		both.put("bearerAuth", List.of());
		both.put("partnerAuth", List.of());
		List<Probe> probes = this.shared.plan(List.of(both, Map.of("oauth2", List.of("read")), Map.of()));
		Map<String, String> expectations = expectationsOf(probes);
		assertThat(expectations).containsEntry("meets {bearerAuth, partnerAuth}",
				"skipped: bearerAuth and partnerAuth both need the Authorization header and do not share a verifier;"
						+ " one request cannot carry both")
			// a partner token is invalid for bearerAuth and oauth2, which see it too, valid for partnerAuth:
			// under optional security the document does not say what a valid credential that meets nothing gets
			.containsEntry("{bearerAuth, partnerAuth} without bearerAuth", "skipped: security is optional ({}): the"
					+ " document does not say whether credentials that meet no alternative are ignored or refused")
			// a token of the bearerAuth/oauth2 verifier without scope: invalid for partnerAuth, so 401 beside oauth2
			.containsEntry("meets {oauth2[read]}", "not 401/403");
		// a garbled token is invalid for every scheme that reads it: planned once, alone, 401
		assertThat(probes).filteredOn((probe) -> probe.check().contains("garbled"))
			.singleElement()
			.satisfies((probe) -> {
				assertThat(probe.check()).isEqualTo("bearerAuth garbled, alone: tampered credential");
				assertThat(probe.expected()).isEqualTo(Expectation.UNAUTHORIZED);
			});
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
