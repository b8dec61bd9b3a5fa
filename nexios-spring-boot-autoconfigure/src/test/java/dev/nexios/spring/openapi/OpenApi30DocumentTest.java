package dev.nexios.spring.openapi;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same document with {@code springdoc.api-docs.version=openapi_3_0}: every assertion of
 * {@link OpenApiDocumentTest} holds, and the document is valid OpenAPI 3.0.
 */
@SpringBootTest(classes = DocsTestApplication.class,
		properties = { "spring.config.name=openapi-docs", "springdoc.api-docs.version=openapi_3_0" })
class OpenApi30DocumentTest extends OpenApiDocumentTest {

	@Override
	String expectedVersion() {
		return "3.0.";
	}

}
