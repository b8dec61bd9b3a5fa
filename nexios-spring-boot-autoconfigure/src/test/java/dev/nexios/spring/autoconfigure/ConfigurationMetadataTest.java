package dev.nexios.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json}: every property of
 * {@link NexiosSecurityProperties}, including the fields of a scheme (which the annotation processor
 * cannot see inside the map, so {@code additional-spring-configuration-metadata.json} declares them as
 * {@code nexios.security.schemes.*.<field>}), has a description, and the scheme fields have value hints.
 */
class ConfigurationMetadataTest {

	/** Flow fields that the flow does not use (OpenAPI 3.1 §4.8.29), hence not offered. */
	private static final Set<String> UNUSED_FLOW_FIELDS = Set.of("flows.implicit.token-url",
			"flows.password.authorization-url", "flows.client-credentials.authorization-url");

	private final JsonNode metadata = read();

	/**
	 * The metadata of this module, among those of every jar on the class path.
	 */
	private static JsonNode read() {
		try {
			Enumeration<URL> resources = ConfigurationMetadataTest.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode metadata = JsonMapper.builder().build().readTree(in);
					if (metadata.path("groups").findValuesAsString("sourceType")
						.contains(NexiosSecurityProperties.class.getName())) {
						return metadata;
					}
				}
			}
			throw new AssertionError("no generated metadata for " + NexiosSecurityProperties.class.getName());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, JsonNode> properties() {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		this.metadata.path("properties").forEach((property) -> properties.put(property.path("name").asString(), property));
		return properties;
	}

	@Test
	void everyPropertyHasADescription() {
		assertThat(properties()).isNotEmpty().allSatisfy((name, property) -> assertThat(
				property.path("description").asString()).as(name).isNotBlank());
	}

	@Test
	void topLevelPropertiesAreGenerated() {
		assertThat(properties()).containsKeys("nexios.security.enabled", "nexios.security.schemes",
				"nexios.security.default-requirements", "nexios.security.docs.requirements",
				"nexios.security.openapi.error-responses", "nexios.security.api-key-store.cache-ttl",
				"nexios.security.api-key-store.negative-cache-ttl", "nexios.security.api-key-store.cache-maximum-size",
				"nexios.security.api-key-store.last-used-interval");
	}

	@Test
	void everyFieldOfASchemeIsDescribed() {
		List<String> expected = new ArrayList<>();
		leaves(NexiosSecurityProperties.Scheme.class, "", expected);
		expected.removeAll(UNUSED_FLOW_FIELDS);
		assertThat(expected).hasSizeGreaterThan(20);
		List<String> described = properties().keySet()
			.stream()
			.filter((name) -> name.startsWith("nexios.security.schemes.*."))
			.map((name) -> name.substring("nexios.security.schemes.*.".length()))
			.toList();
		assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void schemeFieldsHaveValueHints() {
		Map<String, List<String>> hints = new LinkedHashMap<>();
		this.metadata.path("hints").forEach((hint) -> {
			List<String> values = new ArrayList<>();
			hint.path("values").forEach((value) -> {
				assertThat(value.path("description").asString()).isNotBlank();
				values.add(value.path("value").asString());
			});
			hints.put(hint.path("name").asString(), values);
		});
		assertThat(hints).containsExactlyInAnyOrderEntriesOf(Map.of(
				"nexios.security.schemes.*.type", List.of("http", "apiKey", "oauth2", "openIdConnect"),
				"nexios.security.schemes.*.scheme", List.of("bearer", "basic"),
				"nexios.security.schemes.*.in", List.of("header", "query", "cookie"),
				"nexios.security.schemes.*.bearer-format", List.of("JWT"),
				"nexios.security.schemes.*.store", List.of("jdbc")));
	}

	/**
	 * The property paths of the bindable leaves of a properties class, in kebab case; list elements
	 * as {@code [*]}.
	 */
	private static void leaves(Class<?> type, String prefix, List<String> result) {
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + field.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
			Class<?> fieldType = field.getType();
			if (isNested(fieldType)) {
				leaves(fieldType, name + ".", result);
			}
			else if (List.class.isAssignableFrom(fieldType) && field.getGenericType() instanceof ParameterizedType generic
					&& generic.getActualTypeArguments()[0] instanceof Class<?> element && isNested(element)) {
				leaves(element, name + "[*].", result);
			}
			else {
				result.add(name);
			}
		}
	}

	private static boolean isNested(Class<?> type) {
		return type.getEnclosingClass() == NexiosSecurityProperties.class && !type.isEnum();
	}

}
