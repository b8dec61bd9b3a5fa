package dev.nexios.spring.autoconfigure;

/**
 * The application's web stack is not the one its Nexios starter brings; reported at startup by the
 * {@link NexiosStackMismatchFailureAnalyzer}.
 */
class NexiosStackMismatchException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String action;

	NexiosStackMismatchException(String stack, String starter, String action) {
		super("The application is a " + stack + " web application, but it has " + starter
				+ ": the Nexios security declaration would be neither documented nor enforced.");
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
