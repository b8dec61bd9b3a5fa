package dev.nexios.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One security requirement: the schemes that must <em>all</em> be satisfied together (AND), with
 * their required scopes. Used inside {@link NexiosSecured#anyOf()}; corresponds to one Security
 * Requirement Object of OpenAPI 3.1 (§4.8.30).
 *
 * <pre class="code">
 * &#64;Requirement({"bearerAuth", "apiKeyAuth"})                        // both, no scopes
 * &#64;Requirement(value = "oauth2", scopes = {"read", "write"})        // scopes for every scheme in value
 * &#64;Requirement(schemes = {&#64;Scheme(name = "oauth2", scopes = "read"), &#64;Scheme(name = "apiKeyAuth")})
 * </pre>
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Requirement {

	/**
	 * Scheme names that must all be satisfied, each requiring {@link #scopes()}.
	 * @return scheme names
	 */
	String[] value() default {};

	/**
	 * Scopes required of every scheme named in {@link #value()}.
	 * @return scope names, empty when none is required
	 */
	String[] scopes() default {};

	/**
	 * Schemes with their own scopes, all required together with those of {@link #value()}.
	 * @return the schemes
	 */
	Scheme[] schemes() default {};

}
