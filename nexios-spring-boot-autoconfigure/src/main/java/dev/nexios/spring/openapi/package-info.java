/**
 * The springdoc adapter: writes the security model into the OpenAPI document (schemes, operation
 * requirements, 401 and 403 responses) and Swagger UI's OAuth defaults.
 */
@NullMarked
package dev.nexios.spring.openapi;

import org.jspecify.annotations.NullMarked;
