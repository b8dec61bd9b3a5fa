/**
 * Spring Boot auto-configuration of the starter: {@code nexios.security.*} properties, the model, the
 * OpenAPI customizers and the enforcing {@code SecurityFilterChain}. Wiring only.
 */
@NullMarked
package dev.nexios.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
