package dev.nexios.spring.core;

import java.util.Set;

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
	private static final Set<String> DOCUMENTATION_TYPES = Set.of("org.springdoc.api.AbstractOpenApiResource",
			"org.springdoc.api.AbstractMultipleOpenApiResource", "org.springdoc.ui.AbstractSwaggerWelcome",
			"org.springdoc.scalar.AbstractScalarController", "org.springdoc.webmvc.ui.SwaggerConfigResource",
			"org.springdoc.webflux.ui.SwaggerConfigResource", "org.springdoc.webflux.ui.SwaggerUiHome");

	private HandlerKinds() {
	}

	/**
	 * Whether a handler's type is one of springdoc's documentation endpoints.
	 * @param beanType the type of the handler's bean
	 * @return {@code true} for springdoc's OpenAPI, Swagger UI and Scalar endpoints
	 */
	public static boolean isDocumentation(Class<?> beanType) {
		// by the names of its supertypes: no class loading (a lookup per handler type was slow at startup)
		for (Class<?> type = beanType; type != null && type != Object.class; type = type.getSuperclass()) {
			if (DOCUMENTATION_TYPES.contains(type.getName())) {
				return true;
			}
		}
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(beanType)) {
			if (DOCUMENTATION_TYPES.contains(type.getName())) {
				return true;
			}
		}
		return false;
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

}
