package dev.nexios.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.jdbc.JdbcApiKeyStore;
import dev.nexios.spring.core.ApiKeyPrincipal;
import dev.nexios.spring.web.servlet.NexiosSecurityFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The per-request cost of an API key kept in the database ({@code store: jdbc}), with a warm cache,
 * next to a key of {@code nexios.security.schemes.<name>.keys}, with 10 and 100,000 stored keys, on an
 * in-memory H2 database. The application has 5 literal endpoints ({@link GeneratedControllers}); the
 * scheme {@code apiKeyAuth} has one configured key and the store.
 * <ul>
 * <li>{@code propertiesKey}: {@link NexiosSecurityFilter#doFilter} with the configured key;</li>
 * <li>{@code storeKeyWarmCache}: the same with a key issued by the store, found in its cache (after
 * the configured key was compared, as the scheme does);</li>
 * <li>{@code storeLookupWarmCache}: the store alone, {@link JdbcApiKeyStore#authenticate}: format check,
 * SHA-256, cache read, constant-time comparison.</li>
 * </ul>
 * The cache TTL is one hour here, so that every measured request hits the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyStoreBenchmark {

	private static final String SCHEME = SecurityDecisionBenchmark.API_KEY_SCHEME;

	private static final String CONFIGURED_KEY = "benchmark-configured-key";

	@Param({ "10", "100000" })
	public int storedKeys;

	private ConfigurableApplicationContext context;

	private NexiosSecurityFilter filter;

	private JdbcApiKeyStore store;

	private String storeKey;

	private MockHttpServletRequest propertiesRequest;

	private MockHttpServletRequest storeRequest;

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private long passed;

	private final FilterChain chain = (request, response) -> {
		this.passed++;
		SecurityContextHolder.clearContext();
	};

	@Setup
	public void setUp() throws Exception {
		MockServletContext servletContext = new MockServletContext();
		String prefix = "--nexios.security.schemes." + SCHEME;
		this.context = BenchmarkApplication.start(servletContext, GeneratedControllers.forEndpoints(5, false),
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--spring.datasource.url=jdbc:h2:mem:keys" + this.storedKeys + ";DB_CLOSE_DELAY=-1",
				"--spring.sql.init.mode=always",
				"--spring.sql.init.schema-locations=classpath:dev/nexios/spring/apikey/schema-h2.sql",
				"--nexios.security.api-key-store.cache-ttl=1h", prefix + ".type=apiKey", prefix + ".in=header",
				prefix + ".name=" + SecurityDecisionBenchmark.API_KEY_HEADER, prefix + ".store=jdbc",
				prefix + ".key-prefix=nx_bench_", prefix + ".keys[0].principal=benchmark-client",
				prefix + ".keys[0].sha256=" + sha256Hex(CONFIGURED_KEY));
		this.filter = this.context.getBean("nexiosSecurityFilterChain", SecurityFilterChain.class)
			.getFilters()
			.stream()
			.filter(NexiosSecurityFilter.class::isInstance)
			.map(NexiosSecurityFilter.class::cast)
			.findFirst()
			.orElseThrow();
		this.store = this.context.getBean(JdbcApiKeyStore.class);
		fill(this.context.getBean(JdbcTemplate.class), this.storedKeys - 1);
		this.storeKey = this.context.getBean(ApiKeyIssuer.class)
			.issue(SCHEME, "stored-client", Set.of("reports"), null)
			.key();
		int stored = this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM " + JdbcApiKeyStore.TABLE, Integer.class);
		if (stored != this.storedKeys) {
			throw new IllegalStateException("Expected " + this.storedKeys + " stored keys, found " + stored);
		}
		this.propertiesRequest = request(CONFIGURED_KEY);
		this.storeRequest = request(this.storeKey);
		expect(request(CONFIGURED_KEY), 200);
		expect(request(this.storeKey), 200);
		ApiKeyPrincipal principal = this.store.authenticate(SCHEME, this.storeKey);
		if (principal == null || !principal.name().equals("stored-client")
				|| this.store.authenticate(SCHEME, "nx_bench_" + "0".repeat(36)) != null) {
			throw new IllegalStateException("The store does not know its own key, or accepts a malformed one");
		}
	}

	@TearDown
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public long propertiesKey() throws Exception {
		this.filter.doFilter(this.propertiesRequest, this.response, this.chain);
		return this.passed;
	}

	@Benchmark
	public long storeKeyWarmCache() throws Exception {
		this.filter.doFilter(this.storeRequest, this.response, this.chain);
		return this.passed;
	}

	@Benchmark
	public ApiKeyPrincipal storeLookupWarmCache() {
		return this.store.authenticate(SCHEME, this.storeKey);
	}

	/**
	 * Inserts rows with random digests, as other clients' keys.
	 */
	private static void fill(JdbcTemplate jdbc, int rows) {
		SecureRandom random = new SecureRandom();
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			byte[] digest = new byte[32];
			random.nextBytes(digest);
			batch.add(new Object[] { UUID.randomUUID().toString(), HexFormat.of().formatHex(digest), "client-" + i });
			if (batch.size() == 5000 || i == rows - 1) {
				jdbc.batchUpdate("INSERT INTO " + JdbcApiKeyStore.TABLE + " (id, scheme, key_sha256, key_hint, principal, "
						+ "scopes, created_at) VALUES (?, '" + SCHEME + "', ?, 'nx_bench_...', ?, 'reports', CURRENT_TIMESTAMP)",
						batch);
				batch.clear();
			}
		}
	}

	private void expect(MockHttpServletRequest request, int status) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		long before = this.passed;
		this.filter.doFilter(request, response, this.chain);
		if (response.getStatus() != status || (this.passed > before) != (status == 200)) {
			throw new ServletException("Expected " + status + ", got " + response.getStatus());
		}
	}

	private static MockHttpServletRequest request(String key) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", GeneratedControllers.path(2, null));
		request.addHeader(SecurityDecisionBenchmark.API_KEY_HEADER, key);
		return request;
	}

	private static String sha256Hex(String value) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
	}

}
