package dev.nexios.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method (or every handler method of a class) as public: no security requirement
 * applies, whatever the class or {@code nexios.security.default-requirements} say. The operation is
 * documented with {@code security: []} and credentials sent with a request are ignored: it never
 * answers 401 or 403.
 *
 * <p>A method-level {@code @NexiosPublic} overrides a class-level {@link NexiosSecured} and vice versa.
 * Declaring both on the same element is a startup error.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface NexiosPublic {

}
