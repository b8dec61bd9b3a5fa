package dev.nexios.spring.test.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Makes the application under test trust {@link NexiosTestTokens}: adds a primary {@code JwtDecoder}
 * bean that verifies the test key, in a {@code @SpringBootTest} or a {@code @WebMvcTest}.
 *
 * <p>The starter verifies the bearer tokens of a scheme with the scheme's own key material
 * ({@code nexios.security.schemes.<name>.jwt.*} or {@code .opaque-token.*}) when it has some, else
 * with the application's {@code JwtDecoder} bean. This decoder takes the place of the application's
 * one (Spring Boot's, from {@code spring.security.oauth2.resourceserver.jwt.*}, or a bean of its own),
 * so every bearer scheme without key material of its own accepts test tokens instead of the
 * application's real ones. A scheme with key material of its own keeps it and refuses test tokens:
 * {@link NexiosRequestPostProcessors#bearerToken(String)} says so rather than send one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(NexiosTestTokensConfiguration.class)
public @interface AutoConfigureNexiosTestTokens {

}
