package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.apikey.ApiKeyFormat;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import dev.nexios.spring.model.SecuritySchemeType;

import org.springframework.util.StringUtils;

/**
 * The settings of the API key stores ({@code nexios.security.schemes.<name>.store}): the key format of
 * each scheme, and the checks that make a scheme whose store is missing stop the application.
 */
final class ApiKeyStores {

	private ApiKeyStores() {
	}

	/**
	 * The key format of each enabled scheme with {@code store: jdbc}.
	 * @throws InvalidSecurityDeclarationException when a key prefix is malformed; names the property
	 */
	static Map<String, ApiKeyFormat> jdbcFormats(NexiosSecurityProperties properties) {
		Map<String, ApiKeyFormat> formats = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		properties.getSchemes().forEach((name, scheme) -> {
			if (scheme.isEnabled() && scheme.getStore() == NexiosSecurityProperties.Store.JDBC) {
				String prefix = StringUtils.hasText(scheme.getKeyPrefix()) ? scheme.getKeyPrefix() : defaultPrefix(name);
				try {
					formats.put(name, new ApiKeyFormat(prefix));
				}
				catch (IllegalArgumentException ex) {
					problems.add("nexios.security.schemes." + name + ".key-prefix: " + ex.getMessage());
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(problems, properties.getSchemes().keySet());
		}
		return formats;
	}

	/**
	 * {@code nx_}, the scheme name in lower case with letters and digits only, and {@code _}.
	 */
	static String defaultPrefix(String scheme) {
		String name = scheme.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		name = name.substring(0, Math.min(name.length(), 28));
		return "nx_" + name + "_";
	}

	/**
	 * What keeps the application from checking the keys of its stores: a store on a scheme that is not
	 * an {@code apiKey} scheme, a key prefix without a store, a {@code store: jdbc} scheme that no
	 * store serves (no {@code DataSource}, or no spring-jdbc or Caffeine on the class path).
	 * @param properties the properties
	 * @param served the schemes that the application's {@code ApiKeyIssuer} beans serve
	 * @return one line per problem, naming the property
	 */
	static List<String> problems(NexiosSecurityProperties properties, Set<String> served) {
		List<String> problems = new ArrayList<>();
		properties.getSchemes().forEach((name, scheme) -> {
			if (!scheme.isEnabled()) {
				return;
			}
			String prefix = "nexios.security.schemes." + name;
			if (scheme.getStore() != null && scheme.getType() != SecuritySchemeType.API_KEY) {
				problems.add(prefix + ".store: only apiKey schemes keep keys in a store");
			}
			else if (scheme.getStore() == null && StringUtils.hasText(scheme.getKeyPrefix())) {
				problems.add(prefix + ".key-prefix: only used with " + prefix + ".store");
			}
			else if (scheme.getStore() == NexiosSecurityProperties.Store.JDBC && !served.contains(name)) {
				problems.add(prefix + ".store: jdbc needs a DataSource bean (e.g. spring.datasource.url and a JDBC "
						+ "driver) and spring-jdbc and Caffeine on the class path; without them no key of scheme '"
						+ name + "' could be checked");
			}
		});
		return problems;
	}

}
