/**
 * The conformance check: does an application do what its OpenAPI document says about security?
 * <p>
 * {@link dev.nexios.spring.test.NexiosConformance} reads the document the application serves, plans
 * requests for every operation and every security requirement alternative, sends them through MockMvc
 * or over HTTP, and compares each status with the document's promise (OpenAPI 3.1 §4.8.30, RFC 6750
 * §3.1). {@link dev.nexios.spring.test.Credentials} says how to mint valid and garbled credentials per
 * security scheme; {@link dev.nexios.spring.test.ConformanceReport} holds the matrix and writes it as
 * Markdown, JSON or JUnit XML. {@link dev.nexios.spring.test.NexiosConformanceCommand} is the same check
 * as a command for any HTTP API, with a credentials file.
 */
@NullMarked
package dev.nexios.spring.test;

import org.jspecify.annotations.NullMarked;
