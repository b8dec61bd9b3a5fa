package dev.nexios.spring.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.nexios.spring.annotation.NexiosSecured;

import org.springframework.core.annotation.AliasFor;

/**
 * A team's own composed annotation: OAuth2 with scope {@code admin} unless overridden.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@NexiosSecured(value = "oauth2", scopes = "admin")
@interface AdminOnly {

	@AliasFor(annotation = NexiosSecured.class, attribute = "scopes")
	String[] scopes() default "admin";

}
