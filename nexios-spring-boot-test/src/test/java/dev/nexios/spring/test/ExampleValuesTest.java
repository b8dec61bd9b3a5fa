package dev.nexios.spring.test;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimal parameter values and request bodies from the document: examples first, then defaults and
 * enums, then the smallest value of the type, following {@code $ref}, {@code allOf} and {@code oneOf}.
 */
class ExampleValuesTest {

	static final String DOCUMENT = """
			openapi: 3.1.0
			info: { title: t, version: "1" }
			paths:
			  /orders/{orderId}:
			    post:
			      parameters:
			        - { name: orderId, in: path, required: true, schema: { type: string, format: uuid } }
			        - { name: page, in: query, required: true, schema: { type: integer, minimum: 3 } }
			        - { name: tag, in: query, required: true, example: blue, schema: { type: string } }
			        - $ref: '#/components/parameters/Tenant'
			      requestBody:
			        content:
			          application/json:
			            schema: { $ref: '#/components/schemas/Order' }
			      responses: { "200": { description: ok } }
			  /notes:
			    post:
			      requestBody:
			        content:
			          application/json:
			            example: { text: "from the example" }
			            schema: { type: object }
			      responses: { "200": { description: ok } }
			components:
			  parameters:
			    Tenant: { name: X-Tenant, in: header, required: true, schema: { type: string, enum: [acme, other] } }
			  schemas:
			    Order:
			      allOf:
			        - $ref: '#/components/schemas/Base'
			        - type: object
			          required: [lines, status, placed, optionalNote]
			          properties:
			            lines: { type: array, minItems: 1, items: { $ref: '#/components/schemas/Line' } }
			            status: { type: string, enum: [NEW, PAID] }
			            placed: { type: string, format: date-time }
			            optionalNote: { type: [string, "null"], minLength: 3 }
			            ignored: { type: string }
			    Base:
			      type: object
			      required: [id]
			      properties:
			        id: { type: integer, default: 7 }
			    Line:
			      oneOf:
			        - type: object
			          required: [sku, quantity]
			          properties:
			            sku: { type: string, example: "SKU-1" }
			            quantity: { type: number }
			        - type: string
			""";

	final OpenAPI openApi = parse();

	final ExampleValues examples = new ExampleValues(this.openApi);

	@Test
	void parameterValuesComeFromExamplesDefaultsEnumsAndTypes() {
		Operation operation = this.openApi.getPaths().get("/orders/{orderId}").getPost();
		Map<String, String> values = new java.util.LinkedHashMap<>();
		operation.getParameters().forEach((parameter) -> {
			var resolved = this.examples.resolve(parameter);
			values.put(resolved.getName(), this.examples.parameterValue(resolved));
		});
		assertThat(values).containsExactly(Map.entry("orderId", "00000000-0000-4000-8000-000000000001"),
				Map.entry("page", "3"), Map.entry("tag", "blue"), Map.entry("X-Tenant", "acme"));
	}

	@Test
	void bodyHasEveryPropertyRequiredOnesFirstWithValuesOfTheirTypes() {
		Map.Entry<String, String> body = this.examples
			.requestBody(this.openApi.getPaths().get("/orders/{orderId}").getPost().getRequestBody());
		assertThat(body.getKey()).isEqualTo("application/json");
		assertThat(body.getValue()).isEqualTo("{\"id\":7,\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
				+ "\"status\":\"NEW\",\"placed\":\"2024-01-01T00:00:00Z\",\"optionalNote\":\"xxx\",\"ignored\":\"x\"}");
	}

	@Test
	void mediaTypeExampleWins() {
		Map.Entry<String, String> body = this.examples
			.requestBody(this.openApi.getPaths().get("/notes").getPost().getRequestBody());
		assertThat(body.getValue()).isEqualTo("{\"text\":\"from the example\"}");
	}

	private static OpenAPI parse() {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		return new OpenAPIV3Parser().readContents(DOCUMENT, null, options).getOpenAPI();
	}

}
