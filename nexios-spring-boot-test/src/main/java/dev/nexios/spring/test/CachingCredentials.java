package dev.nexios.spring.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reuses what a {@link Credentials} source minted for the same scheme and scopes for a minute, so that a
 * run of thousands of requests signs few tokens, while a long run never sends one near its expiry.
 */
final class CachingCredentials implements Credentials {

	private static final long TIME_TO_LIVE_NANOS = 60_000_000_000L;

	private record Key(String scheme, Set<String> scopes, Set<String> withheld) {

	}

	private record Entry<T>(T value, long mintedAt) {

		boolean fresh() {
			return System.nanoTime() - this.mintedAt < TIME_TO_LIVE_NANOS;
		}

	}

	private final Credentials delegate;

	private final Map<Key, Entry<Optional<Credential>>> minted = new ConcurrentHashMap<>();

	private final Map<String, Entry<List<Credential>>> garbled = new ConcurrentHashMap<>();

	CachingCredentials(Credentials delegate) {
		this.delegate = delegate;
	}

	@Override
	public Optional<Credential> mint(DocumentedScheme scheme, Set<String> scopes, Set<String> withheldScopes) {
		Key key = new Key(scheme.name(), Set.copyOf(scopes), Set.copyOf(withheldScopes));
		return this.minted
			.compute(key, (k, entry) -> (entry != null && entry.fresh()) ? entry
					: new Entry<>(this.delegate.mint(scheme, scopes, withheldScopes), System.nanoTime()))
			.value();
	}

	@Override
	public List<Credential> garbled(DocumentedScheme scheme) {
		return this.garbled
			.compute(scheme.name(), (k, entry) -> (entry != null && entry.fresh()) ? entry
					: new Entry<>(this.delegate.garbled(scheme), System.nanoTime()))
			.value();
	}

}
