package dev.nexios.spring.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ClassUtils;

/**
 * The one classification of handler types that both stacks' adapters and the model building use, by
 * the types that declare them rather than by package names: springdoc's documentation endpoints (the
 * OpenAPI document, Swagger UI's configuration and welcome page, Scalar), whichever stack; and the
 * error pages of Spring Boot ({@code ErrorController} on the servlet stack, {@code ErrorWebExceptionHandler}
 * on the reactive one, told by each adapter). Types are named, not imported, so that neither springdoc
 * nor a stack is needed on the class path.
 */
public final class HandlerKinds {

	/** springdoc's endpoint types, common to both stacks, and each stack's Swagger UI configuration. */
	private static final List<String> DOCUMENTATION_TYPES = List.of("org.springdoc.api.AbstractOpenApiResource",
			"org.springdoc.api.AbstractMultipleOpenApiResource", "org.springdoc.ui.AbstractSwaggerWelcome",
			"org.springdoc.scalar.AbstractScalarController", "org.springdoc.webmvc.ui.SwaggerConfigResource",
			"org.springdoc.webflux.ui.SwaggerConfigResource", "org.springdoc.webflux.ui.SwaggerUiHome");

	private static final Map<Class<?>, Boolean> documentation = new ConcurrentHashMap<>();

	private HandlerKinds() {
	}

	/**
	 * Whether a handler's type is one of springdoc's documentation endpoints.
	 * @param beanType the type of the handler's bean
	 * @return {@code true} for springdoc's OpenAPI, Swagger UI and Scalar endpoints
	 */
	public static boolean isDocumentation(Class<?> beanType) {
		return documentation.computeIfAbsent(beanType, HandlerKinds::isDocumentationType);
	}

	/**
	 * Whether a handler's type belongs to Spring (Framework, Boot and their projects) rather than to the
	 * application: such a handler method unknown to the model is not an undeclared operation of the
	 * application and gets the default requirements without the anonymous alternative.
	 * @param beanType the type of the handler's bean
	 * @return {@code true} for Spring's own handler types
	 */
	public static boolean isFramework(Class<?> beanType) {
		return beanType.getName().startsWith("org.springframework.");
	}

	private static boolean isDocumentationType(Class<?> beanType) {
		ClassLoader classLoader = beanType.getClassLoader();
		return DOCUMENTATION_TYPES.stream()
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.filter(Objects::nonNull)
			.anyMatch((type) -> type.isAssignableFrom(beanType));
	}

}
