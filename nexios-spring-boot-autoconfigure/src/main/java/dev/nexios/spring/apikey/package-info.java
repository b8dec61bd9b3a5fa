/**
 * API keys kept in a store: their format ({@link dev.nexios.spring.apikey.ApiKeyFormat}) and the
 * {@link dev.nexios.spring.apikey.ApiKeyIssuer} API that issues, lists, revokes and rotates them. The
 * JDBC store is in {@code dev.nexios.spring.apikey.jdbc}; the enforcement asks it through the
 * {@code ApiKeyAuthenticator} SPI.
 */
package dev.nexios.spring.apikey;
