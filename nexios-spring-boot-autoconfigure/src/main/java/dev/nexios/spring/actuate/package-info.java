/**
 * The security matrix: what every operation requires, where that was declared, and how every security
 * scheme is verified, as the actuator endpoint {@code /actuator/nexios} serves it. The data types need
 * no actuator; only {@link dev.nexios.spring.actuate.NexiosSecurityMatrixEndpoint} does.
 */
@NullMarked
package dev.nexios.spring.actuate;

import org.jspecify.annotations.NullMarked;
