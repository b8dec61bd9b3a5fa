package dev.nexios.spring.actuate;

import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code nexios} ({@code /actuator/nexios}): the {@link SecurityMatrix} of the
 * application, read-only. Like every actuator endpoint but the public ones it needs
 * {@code nexios.security.actuator.requirements}, and it is served over HTTP only when exposed
 * ({@code management.endpoints.web.exposure.include}).
 */
@Endpoint(id = NexiosSecurityMatrixEndpoint.ID)
public class NexiosSecurityMatrixEndpoint {

	/** The endpoint ID. */
	public static final String ID = "nexios";

	private final Supplier<SecurityMatrix> matrix;

	/**
	 * Creates the endpoint.
	 * @param matrix supplies the matrix it serves, on each read: the matrix is built from the handler
	 * mappings, which include the actuator's own, which are built from this endpoint
	 */
	public NexiosSecurityMatrixEndpoint(Supplier<SecurityMatrix> matrix) {
		this.matrix = matrix;
	}

	/**
	 * The security matrix.
	 * @return the matrix, computed at startup
	 */
	@ReadOperation
	public SecurityMatrix matrix() {
		return this.matrix.get();
	}

}
