/**
 * Credentials for tests of an application secured by the starter: MockMvc
 * {@link org.springframework.test.web.servlet.request.RequestPostProcessor}s that send a valid
 * credential of a named scheme ({@link dev.nexios.spring.test.web.NexiosRequestPostProcessors}), and
 * JWTs signed by a test key ({@link dev.nexios.spring.test.web.NexiosTestTokens}) that the application
 * trusts in tests annotated with {@link dev.nexios.spring.test.web.AutoConfigureNexiosTestTokens}.
 */
@NullMarked
package dev.nexios.spring.test.web;

import org.jspecify.annotations.NullMarked;
