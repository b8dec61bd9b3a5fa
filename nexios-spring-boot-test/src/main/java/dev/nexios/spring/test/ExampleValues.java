package dev.nexios.spring.test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;

/**
 * Values for parameters and request bodies that the operation accepts, from the document: an example, a
 * default, a {@code const}, the first enum value, else a value of the schema's type and format within its
 * bounds ({@code minimum}/{@code maximum}, {@code minLength}, {@code minItems}). Objects get every
 * property, required ones first (an application may refuse a missing property that the document does
 * not mark as required, e.g. a primitive {@code int} of a Java record).
 */
final class ExampleValues {

	private static final int MAX_DEPTH = 8;

	private final OpenAPI openApi;

	private final ObjectMapper objectMapper = new ObjectMapper();

	ExampleValues(OpenAPI openApi) {
		this.openApi = openApi;
	}

	String parameterValue(Parameter parameter) {
		Object value = parameter.getExample();
		if (value == null && parameter.getExamples() != null) {
			value = parameter.getExamples().values().stream().map(Example::getValue).findFirst().orElse(null);
		}
		if (value == null) {
			value = value(parameter.getSchema(), 0);
		}
		if (value instanceof JsonNode node) {
			return node.isValueNode() ? node.asText() : node.toString();
		}
		return (value != null) ? value.toString() : "1";
	}

	Parameter resolve(Parameter parameter) {
		String ref = parameter.get$ref();
		if (ref != null && this.openApi.getComponents() != null
				&& this.openApi.getComponents().getParameters() != null) {
			Parameter target = this.openApi.getComponents().getParameters().get(simpleName(ref));
			return (target != null) ? target : parameter;
		}
		return parameter;
	}

	/**
	 * The media type and minimal body for an operation's request body, or {@code null} without one.
	 */
	Map.Entry<String, String> requestBody(RequestBody declared) {
		if (declared == null) {
			return null;
		}
		RequestBody requestBody = declared;
		if (declared.get$ref() != null && this.openApi.getComponents() != null
				&& this.openApi.getComponents().getRequestBodies() != null) {
			RequestBody target = this.openApi.getComponents().getRequestBodies().get(simpleName(declared.get$ref()));
			requestBody = (target != null) ? target : declared;
		}
		return content(requestBody);
	}

	private Map.Entry<String, String> content(RequestBody requestBody) {
		if (requestBody.getContent() == null || requestBody.getContent().isEmpty()) {
			return null;
		}
		String mediaType = requestBody.getContent()
			.keySet()
			.stream()
			.filter((type) -> type.equals("application/json") || type.startsWith("application/x-www-form-urlencoded"))
			.findFirst()
			.orElseGet(() -> requestBody.getContent()
				.keySet()
				.stream()
				.filter((type) -> type.contains("json"))
				.findFirst()
				.orElse(requestBody.getContent().keySet().iterator().next()));
		MediaType media = requestBody.getContent().get(mediaType);
		if (mediaType.startsWith("application/x-www-form-urlencoded")) {
			Object form = (media != null) ? value(media.getSchema(), 0) : null;
			StringBuilder encoded = new StringBuilder();
			if (form instanceof Map<?, ?> fields) {
				fields.forEach((name, value) -> encoded.append((encoded.length() > 0) ? "&" : "")
					.append(URLEncoder.encode(String.valueOf(name), StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
			}
			return Map.entry(mediaType, encoded.toString());
		}
		if (!mediaType.contains("json")) {
			return Map.entry(mediaType, "");
		}
		Object value = media.getExample();
		if (value == null && media.getExamples() != null) {
			value = media.getExamples().values().stream().map(Example::getValue).findFirst().orElse(null);
		}
		if (value == null) {
			value = value(media.getSchema(), 0);
		}
		if (value instanceof String text && text.trim().startsWith("{")) {
			return Map.entry(mediaType, text);
		}
		try {
			return Map.entry(mediaType, this.objectMapper.writeValueAsString((value != null) ? value : Map.of()));
		}
		catch (JsonProcessingException ex) {
			return Map.entry(mediaType, "{}");
		}
	}

	Object value(Schema<?> schema, int depth) {
		schema = resolve(schema);
		if (schema == null || depth > MAX_DEPTH) {
			return null;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
			return schema.getExamples().get(0);
		}
		if (schema.getDefault() != null) {
			return schema.getDefault();
		}
		if (schema.getConst() != null) {
			return schema.getConst();
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
			Map<String, Object> merged = new LinkedHashMap<>();
			for (Schema<?> part : schema.getAllOf()) {
				if (value(part, depth + 1) instanceof Map<?, ?> map) {
					map.forEach((key, item) -> merged.put(key.toString(), item));
				}
			}
			return merged;
		}
		List<?> choices = (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) ? schema.getOneOf()
				: schema.getAnyOf();
		if (choices != null && !choices.isEmpty()) {
			return value((Schema<?>) choices.get(0), depth + 1);
		}
		String type = type(schema);
		if (type == null) {
			return (schema.getProperties() != null) ? object(schema, depth) : null;
		}
		return switch (type) {
			case "object" -> object(schema, depth);
			case "array" -> {
				List<Object> items = new ArrayList<>();
				if (schema.getMinItems() != null && schema.getMinItems() > 0) {
					items.add(value(schema.getItems(), depth + 1));
				}
				yield items;
			}
			case "integer" -> integer(schema);
			case "number" -> number(schema);
			case "boolean" -> true;
			case "string" -> string(schema);
			default -> null;
		};
	}

	private Map<String, Object> object(Schema<?> schema, int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		if (schema.getProperties() != null) {
			List<String> required = (schema.getRequired() != null) ? schema.getRequired() : List.of();
			schema.getProperties().forEach((name, property) -> {
				if (required.contains(name)) {
					object.put(name, value(property, depth + 1));
				}
			});
			schema.getProperties().forEach((name, property) -> {
				if (!required.contains(name) && !Boolean.TRUE.equals(resolvedReadOnly(property))) {
					Object value = value(property, depth + 1);
					if (value != null) {
						object.put(name, value);
					}
				}
			});
		}
		return object;
	}

	private Boolean resolvedReadOnly(Schema<?> property) {
		Schema<?> resolved = resolve(property);
		return (resolved != null) ? resolved.getReadOnly() : null;
	}

	private static Object integer(Schema<?> schema) {
		BigDecimal value = number(schema);
		BigDecimal ceiling = value.setScale(0, java.math.RoundingMode.CEILING);
		if (schema.getMaximum() != null && ceiling.compareTo(schema.getMaximum()) > 0) {
			ceiling = value.setScale(0, java.math.RoundingMode.FLOOR);
		}
		if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() > 0) {
			BigDecimal step = schema.getMultipleOf();
			ceiling = ceiling.divide(step, 0, java.math.RoundingMode.CEILING).multiply(step);
		}
		return ceiling.toBigInteger();
	}

	private static BigDecimal number(Schema<?> schema) {
		BigDecimal value = BigDecimal.ONE;
		if (schema.getMinimum() != null) {
			value = schema.getMinimum();
			if (Boolean.TRUE.equals(schema.getExclusiveMinimum())) {
				value = value.add(BigDecimal.ONE);
			}
		}
		else if (schema.getExclusiveMinimumValue() != null) {
			value = schema.getExclusiveMinimumValue().add(BigDecimal.ONE);
		}
		else if (schema.getMaximum() != null && schema.getMaximum().compareTo(value) < 0) {
			value = schema.getMaximum();
		}
		else if (schema.getExclusiveMaximumValue() != null && schema.getExclusiveMaximumValue().compareTo(value) <= 0) {
			value = schema.getExclusiveMaximumValue().subtract(BigDecimal.ONE);
		}
		return value;
	}

	private static String string(Schema<?> schema) {
		String format = (schema.getFormat() != null) ? schema.getFormat() : "";
		return switch (format) {
			case "uuid" -> "00000000-0000-4000-8000-000000000001";
			case "date" -> "2024-01-01";
			case "date-time" -> "2024-01-01T00:00:00Z";
			case "email" -> "user@example.com";
			case "uri", "url", "iri" -> "https://example.com";
			case "time" -> "00:00:00Z";
			case "duration" -> "PT1S";
			case "ipv4" -> "192.0.2.1";
			case "ipv6" -> "2001:db8::1";
			case "hostname" -> "example.com";
			case "byte" -> "eA==";
			default -> "x".repeat(Math.max(1, (schema.getMinLength() != null) ? schema.getMinLength() : 1));
		};
	}

	private static String type(Schema<?> schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		Set<String> types = schema.getTypes();
		if (types != null) {
			return types.stream().filter((type) -> !"null".equals(type)).findFirst().orElse(null);
		}
		return null;
	}

	private Schema<?> resolve(Schema<?> schema) {
		int hops = 0;
		while (schema != null && schema.get$ref() != null && hops++ < MAX_DEPTH) {
			if (this.openApi.getComponents() == null || this.openApi.getComponents().getSchemas() == null) {
				return null;
			}
			schema = this.openApi.getComponents().getSchemas().get(simpleName(schema.get$ref()));
		}
		return schema;
	}

	private static String simpleName(String ref) {
		return ref.substring(ref.lastIndexOf('/') + 1);
	}

}
