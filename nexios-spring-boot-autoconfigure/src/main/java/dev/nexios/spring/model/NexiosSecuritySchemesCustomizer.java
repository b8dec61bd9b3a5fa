package dev.nexios.spring.model;

/**
 * Callback, as a bean, that adds, replaces or removes security schemes in Java, after those of
 * {@code nexios.security.schemes.*} are registered and before the security model is resolved.
 *
 * <pre class="code">
 * &#64;Bean
 * NexiosSecuritySchemesCustomizer jwtAuth() {
 *     return (schemes) -&gt; schemes.add("jwtAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
 *             .scheme("bearer").bearerFormat("JWT").description("JWT token required in Authorization header"));
 * }
 * </pre>
 *
 * Customizers run in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface NexiosSecuritySchemesCustomizer {

	/**
	 * Customizes the declared schemes.
	 * @param schemes the registry, still writable
	 */
	void customize(NexiosSecuritySchemes schemes);

}
