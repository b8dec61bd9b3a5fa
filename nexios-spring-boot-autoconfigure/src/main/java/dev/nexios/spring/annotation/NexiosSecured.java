package dev.nexios.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the security requirements of a Spring MVC handler method, or of every handler method of a
 * controller class. The same declaration produces the operation's {@code security} in the OpenAPI
 * document and the checks that the request must pass.
 *
 * <p>Semantics follow OpenAPI 3.1 §4.8.30 (Security Requirement Object): the operation lists
 * <em>alternatives</em>; a request is accepted when <em>any</em> alternative is satisfied (OR), and an
 * alternative is satisfied when <em>every</em> security scheme it names authenticates the request and
 * holds the scopes required of it (AND).
 *
 * <pre class="code">
 * &#64;NexiosSecured("bearerAuth")                                   // one scheme
 * &#64;NexiosSecured(value = "oauth2", scopes = "admin")            // one OAuth2 scheme with a scope
 * &#64;NexiosSecured({"bearerAuth", "apiKeyAuth"})                  // JWT or API key (OR)
 * &#64;NexiosSecured(anyOf = &#64;Requirement({"bearerAuth", "apiKeyAuth"}))  // JWT and API key (AND)
 * &#64;NexiosSecured(value = "bearerAuth", optional = true)         // anonymous allowed, a sent token must be valid
 * </pre>
 *
 * <p>On a method it replaces any class-level declaration; on a class it applies to every handler method
 * that declares nothing itself; operations with no declaration anywhere get
 * {@code nexios.security.default-requirements}. {@link NexiosPublic} marks an operation public.
 * The annotation can be used as a meta-annotation, so that a team can define its own, e.g.
 * {@code @AdminOnly}; attributes of the composed annotation can override these with
 * {@link org.springframework.core.annotation.AliasFor}.
 *
 * <p>Every scheme named here must be declared (under {@code nexios.security.schemes} or through a
 * {@code NexiosSecuritySchemesCustomizer}), and every scope required of an OAuth2 scheme must be
 * declared by one of its flows; otherwise the application fails to start with a report listing each
 * problem with its {@code Class#method}.
 *
 * @see NexiosPublic
 * @see Requirement
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface NexiosSecured {

	/**
	 * Security scheme names, each of them one alternative on its own (OR). Each alternative requires
	 * the {@link #scopes()}. Combined with {@link #anyOf()}, the alternatives of both are listed, these
	 * first.
	 * @return the scheme names, as declared under {@code nexios.security.schemes}
	 */
	String[] value() default {};

	/**
	 * Scopes required of each scheme named in {@link #value()} (OAuth2 scopes, or the scopes that a
	 * bearer token or API key grants). Empty when no scope is required.
	 * @return the required scope names
	 */
	String[] scopes() default {};

	/**
	 * Security requirement alternatives in their full form, for an alternative that needs several
	 * schemes together (AND) or per-scheme scopes.
	 * @return the alternatives (OR)
	 */
	Requirement[] anyOf() default {};

	/**
	 * Whether authentication is optional: an anonymous request is accepted too, but a credential that is
	 * sent must be valid. Documented as the empty security requirement {@code {}} among the
	 * alternatives (OpenAPI 3.1 §4.8.30).
	 * @return {@code true} to accept anonymous requests as well
	 */
	boolean optional() default false;

}
