package dev.nexios.spring.apikey.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.nexios.spring.apikey.ApiKeyFormat;
import dev.nexios.spring.apikey.ApiKeyInfo;
import dev.nexios.spring.apikey.ApiKeyIssuer;
import dev.nexios.spring.apikey.IssuedApiKey;
import dev.nexios.spring.core.ApiKeyAuthenticator;
import dev.nexios.spring.core.ApiKeyPrincipal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys in a database table, {@value #TABLE} (schema: {@code classpath:dev/nexios/spring/apikey/}
 * {@code schema-postgresql.sql}, {@code schema-h2.sql}), through Spring's {@link JdbcClient}.
 *
 * <p>A key sent for one of its schemes is first checked against the scheme's {@link ApiKeyFormat}:
 * a malformed key is refused without any query. A well-formed key is looked up by the SHA-256 of the
 * key, through the unique index on {@code key_sha256}, and the stored digest compared with
 * {@link MessageDigest#isEqual}. What the database answers (a row, or none) is cached for
 * {@link Options#cacheTtl()} (or {@link Options#negativeCacheTtl()} for none); expiry is checked on
 * every request, revocation is seen within the TTL (at once on this instance). A failing database
 * throws a {@link DataAccessException}, which the enforcement answers with 503, never 401; failures
 * are not cached.
 *
 * <p>{@code last_used_at} is written at most once per key per {@link Options#lastUsedInterval()} and
 * instance, in a batch by a background thread, never in the request. {@link #close()} stops that
 * thread and writes what is pending.
 */
public class JdbcApiKeyStore implements ApiKeyIssuer, ApiKeyAuthenticator, AutoCloseable {

	/** The table of the keys. */
	public static final String TABLE = "nexios_api_keys";

	private static final Log logger = LogFactory.getLog(JdbcApiKeyStore.class);

	private static final int MAX_PRINCIPAL_LENGTH = 200;

	private static final int MAX_SCOPES_LENGTH = 2000;

	private static final String COLUMNS = "id, scheme, principal, scopes, key_hint, created_at, expires_at, revoked_at, last_used_at";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final Map<String, ApiKeyFormat> formats;

	private final Options options;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/** What the database answered, by scheme and key digest. */
	private final Cache<String, Optional<StoredKey>> cache;

	/** Keys whose use was recorded in the last interval, by id. */
	private final Cache<String, Boolean> recentlyUsed;

	/** Uses not yet written, by key id. */
	private final Map<String, Instant> pendingUses = new ConcurrentHashMap<>();

	private final ScheduledExecutorService flusher;

	/**
	 * Creates a store.
	 * @param jdbcTemplate the template on the application's {@code DataSource}
	 * @param formats the key format of each scheme whose keys are stored, by scheme name
	 * @param options cache and last-use settings
	 * @param clock the clock of expiry and of the recorded timestamps
	 */
	public JdbcApiKeyStore(JdbcTemplate jdbcTemplate, Map<String, ApiKeyFormat> formats, Options options, Clock clock) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.formats = Map.copyOf(formats);
		this.options = options;
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(options.cacheMaximumSize())
			.expireAfter(Expiry.<String, Optional<StoredKey>>writing(
					(key, value) -> value.isPresent() ? options.cacheTtl() : options.negativeCacheTtl()))
			.build();
		this.recentlyUsed = Caffeine.newBuilder()
			.maximumSize(Math.max(options.cacheMaximumSize(), 10_000))
			.expireAfterWrite(options.lastUsedInterval())
			.build();
		this.flusher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "nexios-api-key-last-used");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(options.lastUsedInterval().toMillis(), 100);
		this.flusher.scheduleWithFixedDelay(this::flushLastUsed, period, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public Set<String> schemes() {
		return this.formats.keySet();
	}

	/**
	 * Checks a key of one of this store's schemes; answers {@code null} for other schemes.
	 * @throws DataAccessException when the database cannot be queried (the enforcement answers 503)
	 */
	@Override
	public ApiKeyPrincipal authenticate(String scheme, String key) {
		ApiKeyFormat format = this.formats.get(scheme);
		if (format == null || !format.isWellFormed(key)) {
			return null;
		}
		byte[] digest = sha256(key);
		StoredKey stored = this.cache.get(scheme + ' ' + HexFormat.of().formatHex(digest), (cacheKey) -> find(scheme, digest))
			.orElse(null);
		if (stored == null || !MessageDigest.isEqual(stored.sha256(), digest)) {
			return null;
		}
		Instant now = this.clock.instant();
		if (stored.revokedAt() != null || (stored.expiresAt() != null && !now.isBefore(stored.expiresAt()))) {
			return null;
		}
		if (this.recentlyUsed.asMap().putIfAbsent(stored.id(), Boolean.TRUE) == null) {
			this.pendingUses.put(stored.id(), now);
		}
		return new ApiKeyPrincipal(stored.principal(), stored.scopes());
	}

	private Optional<StoredKey> find(String scheme, byte[] digest) {
		return this.jdbc
			.sql("SELECT id, key_sha256, principal, scopes, expires_at, revoked_at FROM " + TABLE
					+ " WHERE key_sha256 = ? AND scheme = ?")
			.params(HexFormat.of().formatHex(digest), scheme)
			.query((rs, row) -> new StoredKey(rs.getString("id"), HexFormat.of().parseHex(rs.getString("key_sha256")),
					rs.getString("principal"), scopes(rs.getString("scopes")), instant(rs, "expires_at"),
					instant(rs, "revoked_at")))
			.optional();
	}

	@Override
	public IssuedApiKey issue(String scheme, String principal, Set<String> scopes, Instant expiresAt) {
		ApiKeyFormat format = format(scheme);
		if (principal == null || principal.isBlank() || principal.length() > MAX_PRINCIPAL_LENGTH) {
			throw new IllegalArgumentException("The principal must be 1 to " + MAX_PRINCIPAL_LENGTH
					+ " characters, not blank");
		}
		Set<String> granted = new LinkedHashSet<>((scopes != null) ? scopes : Set.of());
		for (String scope : granted) {
			if (!isScopeToken(scope)) {
				throw new IllegalArgumentException("A scope is a scope-token of RFC 6749 §3.3: printable ASCII "
						+ "without space, '\"' and '\\'");
			}
		}
		String joinedScopes = String.join(" ", granted);
		if (joinedScopes.length() > MAX_SCOPES_LENGTH) {
			throw new IllegalArgumentException("The scopes take more than " + MAX_SCOPES_LENGTH + " characters");
		}
		Instant now = now();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("The expiry must be in the future");
		}
		Instant expiry = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MILLIS) : null;
		String key = format.generate(this.random);
		byte[] digest = sha256(key);
		String id = UUID.randomUUID().toString();
		String hint = format.prefix() + "..." + key.substring(key.length() - 4);
		this.jdbc
			.sql("INSERT INTO " + TABLE + " (id, scheme, key_sha256, key_hint, principal, scopes, created_at, expires_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, scheme, HexFormat.of().formatHex(digest), hint, principal, joinedScopes, timestamp(now),
					timestamp(expiry))
			.update();
		this.cache.invalidate(scheme + ' ' + HexFormat.of().formatHex(digest));
		return new IssuedApiKey(key, new ApiKeyInfo(id, scheme, principal, granted, hint, now, expiry, null, null));
	}

	@Override
	public List<ApiKeyInfo> list(String scheme) {
		format(scheme);
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE scheme = ? ORDER BY created_at, id")
			.param(scheme)
			.query(JdbcApiKeyStore::info)
			.list();
	}

	@Override
	public Optional<ApiKeyInfo> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?")
			.param(id)
			.query(JdbcApiKeyStore::info)
			.optional()
			.filter((info) -> this.formats.containsKey(info.scheme()));
	}

	@Override
	public boolean revoke(String id) {
		Optional<ApiKeyInfo> key = find(id);
		if (key.isEmpty()) {
			return false;
		}
		int updated = this.jdbc.sql("UPDATE " + TABLE + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(timestamp(now()), id)
			.update();
		forget(key.get());
		return updated == 1;
	}

	@Override
	public IssuedApiKey rotate(String id, Duration overlap) {
		if (overlap == null || overlap.isNegative()) {
			throw new IllegalArgumentException("The overlap must be zero or positive");
		}
		Instant now = now();
		ApiKeyInfo old = find(id).filter((info) -> info.isActive(now))
			.orElseThrow(() -> new IllegalArgumentException("There is no active API key with id " + id));
		Instant expiresAt = (old.expiresAt() != null)
				? now.plus(Duration.between(old.createdAt(), old.expiresAt())) : null;
		IssuedApiKey issued = issue(old.scheme(), old.principal(), old.scopes(), expiresAt);
		if (overlap.isZero()) {
			revoke(id);
		}
		else {
			Instant end = now.plus(overlap);
			this.jdbc.sql("UPDATE " + TABLE + " SET expires_at = ? WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)")
				.params(timestamp(end), id, timestamp(end))
				.update();
			forget(old);
		}
		return issued;
	}

	/**
	 * Drops the cached answer for a key, found by its id.
	 */
	private void forget(ApiKeyInfo info) {
		this.jdbc.sql("SELECT key_sha256 FROM " + TABLE + " WHERE id = ?")
			.param(info.id())
			.query(String.class)
			.optional()
			.ifPresent((digest) -> this.cache.invalidate(info.scheme() + ' ' + digest));
	}

	/**
	 * Writes the pending {@code last_used_at} updates in one batch; on failure, keeps them for the next
	 * attempt and logs a warning (without keys: ids are not secrets, and are not logged either).
	 */
	void flushLastUsed() {
		if (this.pendingUses.isEmpty()) {
			return;
		}
		Map<String, Instant> batch = new LinkedHashMap<>();
		for (String id : List.copyOf(this.pendingUses.keySet())) {
			Instant used = this.pendingUses.remove(id);
			if (used != null) {
				batch.put(id, used);
			}
		}
		List<Object[]> arguments = new ArrayList<>(batch.size());
		batch.forEach((id, used) -> arguments.add(new Object[] { timestamp(used), id, timestamp(used) }));
		try {
			this.jdbcTemplate.batchUpdate("UPDATE " + TABLE + " SET last_used_at = ? WHERE id = ?"
					+ " AND (last_used_at IS NULL OR last_used_at < ?)", arguments);
		}
		catch (RuntimeException ex) {
			batch.forEach(this.pendingUses::putIfAbsent);
			logger.warn("Could not record the last use of " + batch.size() + " API key(s), will retry: "
					+ ex.getClass().getName());
		}
	}

	/**
	 * Stops the background writer and writes the pending {@code last_used_at} updates.
	 */
	@Override
	public void close() {
		this.flusher.shutdownNow();
		flushLastUsed();
	}

	private ApiKeyFormat format(String scheme) {
		ApiKeyFormat format = this.formats.get(scheme);
		if (format == null) {
			throw new IllegalArgumentException("Scheme '" + scheme + "' does not keep its keys in this store; it "
					+ "keeps those of " + String.join(", ", this.formats.keySet()));
		}
		return format;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ApiKeyInfo info(ResultSet rs, int row) throws SQLException {
		return new ApiKeyInfo(rs.getString("id"), rs.getString("scheme"), rs.getString("principal"),
				scopes(rs.getString("scopes")), rs.getString("key_hint"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}

	private static Set<String> scopes(String joined) {
		if (joined == null || joined.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(joined.trim().split(" +")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * A scope-token (RFC 6749 §3.3): {@code 1*( %x21 / %x23-5B / %x5D-7E )}.
	 */
	private static boolean isScopeToken(String scope) {
		if (scope == null || scope.isEmpty()) {
			return false;
		}
		for (int i = 0; i < scope.length(); i++) {
			char c = scope.charAt(i);
			if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Cache and last-use settings of a store.
	 *
	 * @param cacheTtl how long a found key is cached: the delay before a revocation made on another
	 * instance (or in the database directly) takes effect; zero disables caching
	 * @param negativeCacheTtl how long the absence of a key is cached; zero disables it
	 * @param cacheMaximumSize the most keys (and absences) cached
	 * @param lastUsedInterval at most one {@code last_used_at} write per key and instance in this
	 * interval, which is also the period of the background writer; positive
	 */
	public record Options(Duration cacheTtl, Duration negativeCacheTtl, long cacheMaximumSize,
			Duration lastUsedInterval) {

		public Options {
			if (cacheTtl == null || cacheTtl.isNegative() || negativeCacheTtl == null || negativeCacheTtl.isNegative()) {
				throw new IllegalArgumentException("Cache TTLs must be zero or positive");
			}
			if (cacheMaximumSize < 0) {
				throw new IllegalArgumentException("The cache maximum size must be zero or positive");
			}
			if (lastUsedInterval == null || lastUsedInterval.isNegative() || lastUsedInterval.isZero()) {
				throw new IllegalArgumentException("The last-used interval must be positive");
			}
		}

	}

	/**
	 * A row, as cached: what is needed to decide on a key.
	 */
	private record StoredKey(String id, byte[] sha256, String principal, Set<String> scopes, Instant expiresAt,
			Instant revokedAt) {

	}

}
