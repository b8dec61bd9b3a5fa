package dev.nexios.spring.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.nexios.spring.test.fixture.RandomApi;
import dev.nexios.spring.test.fixture.RandomApplication;
import dev.nexios.spring.test.fixture.RandomApplicationMutations;
import dev.nexios.spring.test.fixture.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check against an application of 1,000 random operations (seeded, {@link RandomApi}), generated
 * and compiled at test time and served over real HTTP on a random port: every shape of declaration the
 * starter supports, bearer schemes that share one key and one that has its own, API keys in header,
 * query and cookie, http basic, path variables, query parameters, headers and records with primitives
 * as bodies. The starter derives document and enforcement from one declaration, so the check must find
 * no mismatch, exercise every operation, and skip only what the document leaves undecided. Then three
 * mutations, each exactly one mismatch.
 */
class RandomApplicationConformanceTest {

	static final long SEED = 20261130L;

	static final int OPERATIONS = 1000;

	static final String PARTNER_ISSUER = "https://partner.test.nexios.dev";

	static final RSAKey PARTNER_KEY = generate();

	static final String UNDECIDED = "security is optional ({}): the document does not say whether credentials that"
			+ " meet no alternative are ignored or refused";

	@Test
	void aThousandRandomOperationsKeepTheirPromiseOverHttp(@TempDir Path directory) throws IOException {
		long started = System.nanoTime();
		RandomApi.Compiled api = RandomApi.generate(SEED, OPERATIONS, false, directory);
		double generated = seconds(started);
		try (ConfigurableApplicationContext application = start(api, directory, false)) {
			double startedUp = seconds(started);
			ConformanceReport report = check(application).report(Path.of("target/conformance/random-1000.md"))
				.report(Path.of("target/conformance/random-1000.json"))
				.report(Path.of("target/conformance/random-1000.xml"))
				.run();
			System.out.printf("Random application (seed %d): generated and compiled in %.1f s, started in %.1f s%n%s",
					SEED, generated, startedUp - generated, report.toConsole());
			assertThat(report.operations()).hasSize(OPERATIONS);
			assertThat(report.mismatches()).as(report::mismatchTable).isEmpty();
			assertThat(report.notExercised()).as(report::toConsole).isEmpty();
			// what is skipped is what the document does not decide
			assertThat(report.skipReasons()).as(report::toConsole).containsOnlyKeys(UNDECIDED);
			assertThat(report.passed().size()).isGreaterThan(5 * OPERATIONS);
			// target: under 60 s on 2 cores (printed above); the bound leaves room for a machine shared with other builds
			assertThat(report.duration()).isLessThan(java.time.Duration.ofSeconds(90));
			// the shapes really occurred: one token for an AND of two schemes that share its key, and such
			// an AND with one scheme "left out" still authenticated by the token of the other (not a 401)
			assertThat(report.cells()).anySatisfy((cell) -> {
				assertThat(cell.credentials()).contains("/");
				assertThat(cell.status()).isEqualTo(200);
			});
			assertThat(report.cells()).anySatisfy((cell) -> {
				assertThat(cell.check()).matches("\\{(bearerAuth|oauth2|oidc)[^,]*, (bearerAuth|oauth2|oidc).*\\} without (bearerAuth|oauth2|oidc)");
				assertThat(cell.status()).isEqualTo(403);
			});
		}
	}

	@Test
	void eachMutationIsReportedAsExactlyOneMismatch(@TempDir Path directory) throws IOException {
		RandomApi.Compiled api = RandomApi.generate(SEED, OPERATIONS, true, directory);
		try (ConfigurableApplicationContext application = start(api, directory, true)) {
			ConformanceReport report = check(application).report(Path.of("target/conformance/random-1000-mutated.md"))
				.run();
			System.out.println(report.toConsole());
			assertThat(report.mismatches()).extracting(ConformanceCell::operation, ConformanceCell::check,
					ConformanceCell::status)
				.containsExactlyInAnyOrder(
						// documented public behind the starter's back: still 401
						org.assertj.core.api.Assertions.tuple("GET /c0/m0", "public: no credentials", 401),
						// let through by the application's own filter chain: the unknown key is not refused
						org.assertj.core.api.Assertions.tuple("GET /c0/m1", "{apiKeyAuth} with apiKeyAuth garbled: unknown key",
								200),
						// scope read documented, not enforced
						org.assertj.core.api.Assertions.tuple("GET /c0/m2",
								"{oauth2[read]} without scope read of oauth2", 200));
		}
	}

	private static NexiosConformance check(ConfigurableApplicationContext application) {
		String port = application.getEnvironment().getProperty("local.server.port");
		Map<String, Set<String>> scopesBySubset = new LinkedHashMap<>();
		RandomApi.scopeSubsets().forEach((scopes) -> scopesBySubset.put(RandomApi.subsetName(scopes), scopes));
		NexiosConformance conformance = NexiosConformance.forBaseUrl("http://localhost:" + port)
			.credentials("bearerAuth", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER))
			.credentials("oauth2", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER))
			.credentials("oidc", Credentials.jwt(TestKeys.RSA, TestKeys.ISSUER))
			// three sources, one key: a token of one is valid for all three
			.sharedVerifier("bearerAuth", "oauth2", "oidc")
			.credentials("partnerAuth", Credentials.jwt(PARTNER_KEY, PARTNER_ISSUER));
		for (String scheme : List.of("apiKeyAuth", "queryKey", "cookieKey")) {
			Map<String, Set<String>> keys = new LinkedHashMap<>();
			scopesBySubset.values().forEach((scopes) -> keys.put(RandomApi.apiKey(scheme, scopes), scopes));
			conformance.credentials(scheme, Credentials.apiKeys(keys));
		}
		List<Credentials.User> users = new ArrayList<>();
		scopesBySubset.forEach((name, scopes) -> users.add(new Credentials.User("user-" + name, "pw-" + name, scopes)));
		return conformance.credentials("basicAuth", Credentials.basicUsers(users)).progress(System.out,
				java.time.Duration.ofSeconds(5));
	}

	private static ConfigurableApplicationContext start(RandomApi.Compiled api, Path directory, boolean mutated)
			throws IOException {
		Path partnerKey = directory.resolve("partner.pem");
		try {
			Files.writeString(partnerKey, "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(PARTNER_KEY.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n");
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> properties = RandomApi.properties(partnerKey.toUri().toString(), PARTNER_ISSUER);
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		List<Class<?>> sources = new ArrayList<>(List.of(RandomApplication.class));
		if (mutated) {
			sources.add(RandomApplicationMutations.class);
		}
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).properties(properties)
			.resourceLoader(new DefaultResourceLoader(api.loader()))
			.initializers((context) -> api.controllers()
				.forEach((controller) -> ((GenericApplicationContext) context).registerBean(controller)))
			.run();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("partner-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
