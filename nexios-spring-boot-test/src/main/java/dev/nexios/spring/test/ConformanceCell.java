package dev.nexios.spring.test;

import org.jspecify.annotations.Nullable;

/**
 * One cell of the conformance matrix: one request to one operation.
 *
 * @param operation the operation, {@code METHOD /path/{template}}
 * @param check what the request tests, e.g. {@code "scope missing"}
 * @param credentials the credentials sent, described without secrets ({@code "none"} for an anonymous
 * request)
 * @param expected what the document promises; {@code null} when the cell was skipped
 * @param status the status the application answered; {@code null} when the cell was skipped
 * @param result the outcome
 * @param note why the cell was skipped, or details of the answer (may be empty)
 */
public record ConformanceCell(String operation, String check, String credentials, @Nullable Expectation expected,
		@Nullable Integer status, Result result, String note) {

	/**
	 * The outcome of a cell.
	 */
	public enum Result {

		/** The answer keeps the document's promise. */
		PASSED,

		/** The answer breaks the document's promise. */
		MISMATCH,

		/** The request could not be built or its outcome is not decided by the document; see the note. */
		SKIPPED,

		/**
		 * The document promises that the request gets through, and security let it through, but the
		 * answer ({@code 400}, {@code 404}, {@code 405}, {@code 406}, {@code 415}, {@code 422}) says it did
		 * not reach the operation (a parameter or body the application refused), so the operation was
		 * not exercised: neither passed nor a mismatch.
		 */
		NOT_EXERCISED

	}

}
