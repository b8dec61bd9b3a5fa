package dev.nexios.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A security scheme reference with the scopes required of it, inside a {@link Requirement}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Scheme {

	/**
	 * The scheme name, as declared under {@code nexios.security.schemes}.
	 * @return the scheme name
	 */
	String name();

	/**
	 * Scopes required of this scheme.
	 * @return scope names, empty when none is required
	 */
	String[] scopes() default {};

}
