/**
 * What application code writes: {@link dev.nexios.spring.annotation.NexiosSecured} and
 * {@link dev.nexios.spring.annotation.NexiosPublic} on controllers, the security requirements of an
 * operation. Security schemes themselves are declared under {@code nexios.security.schemes.*}.
 */
@NullMarked
package dev.nexios.spring.annotation;

import org.jspecify.annotations.NullMarked;
