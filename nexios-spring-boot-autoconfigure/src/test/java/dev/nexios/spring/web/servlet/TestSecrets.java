package dev.nexios.spring.web.servlet;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret that the enforcement tests use: the configured API keys and password, and each token
 * minted. {@link NoSecretsInLogs} checks that none of them reaches a log line.
 */
public final class TestSecrets {

	public static final String REPORTS_KEY = register("nx_test_reports_7f3a9c1e5b2d4068a1c3e5f7091b2d4f");

	public static final String FILE_KEY = register("nx_test_file_0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f");

	public static final String QUERY_KEY = register("nx_test_query_51a2b3c4d5e6f708192a3b4c5d6e7f80");

	public static final String COOKIE_KEY = register("nx_test_cookie_9f8e7d6c5b4a39281706f5e4d3c2b1a0");

	public static final String UNKNOWN_KEY = register("nx_test_unknown_00112233445566778899aabbccddeeff");

	public static final String PASSWORD = register("correct-horse-battery-staple-42");

	public static final String WRONG_PASSWORD = register("incorrect-horse-battery-staple-43");

	private TestSecrets() {
	}

	static String register(String secret) {
		all().add(secret);
		return secret;
	}

	/**
	 * Registers a token, and its signature on its own (the part that must never be disclosed).
	 */
	static String registerToken(String token) {
		register(token);
		int dot = token.lastIndexOf('.');
		if (dot > 0 && token.length() - dot > 16) {
			register(token.substring(dot + 1));
		}
		return token;
	}

	static Set<String> all() {
		return Holder.SECRETS;
	}

	private static final class Holder {

		// initialized on first use, before the constants above are assigned
		static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	}

}
