package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.nexios.spring.actuate.SecurityMatrix;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs the {@link SecurityMatrix} once, when the application's singletons are created: one
 * {@code INFO} line with counts, and the full table at {@code DEBUG}
 * ({@code logging.level.dev.nexios.spring.autoconfigure.SecurityMatrixReport=debug}). The matrix holds
 * no secret, so neither does the log. With this logger above {@code INFO} nothing is written and the
 * matrix, a lazy bean, is not built at startup (the actuator endpoint builds it on its first request).
 */
final class SecurityMatrixReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SecurityMatrixReport.class);

	private final ObjectProvider<SecurityMatrix> matrix;

	SecurityMatrixReport(ObjectProvider<SecurityMatrix> matrix) {
		this.matrix = matrix;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!logger.isInfoEnabled()) {
			// the matrix is built on first use: not for a log line that is not written
			return;
		}
		SecurityMatrix matrix = this.matrix.getIfAvailable();
		if (matrix == null) {
			return;
		}
		if (logger.isInfoEnabled()) {
			logger.info(summary(matrix));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(table(matrix));
		}
	}

	/**
	 * One line: how many operations are public, optional and secured, by scheme, and how many schemes.
	 */
	static String summary(SecurityMatrix matrix) {
		Map<String, Long> byAccess = matrix.operations()
			.stream()
			.collect(Collectors.groupingBy(SecurityMatrix.Operation::access, Collectors.counting()));
		Map<String, Integer> byScheme = new LinkedHashMap<>();
		matrix.schemes().keySet().forEach((name) -> byScheme.put(name, 0));
		matrix.operations()
			.stream()
			.filter((operation) -> !operation.access().equals(SecurityMatrix.PUBLIC))
			.forEach((operation) -> operation.requirements()
				.stream()
				.flatMap((requirement) -> requirement.keySet().stream())
				.distinct()
				.forEach((scheme) -> byScheme.merge(scheme, 1, Integer::sum)));
		String schemes = byScheme.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
		return "Nexios security matrix: " + matrix.operations().size() + " operation(s), "
				+ byAccess.getOrDefault(SecurityMatrix.PUBLIC, 0L) + " public, "
				+ byAccess.getOrDefault(SecurityMatrix.OPTIONAL, 0L) + " optional, "
				+ byAccess.getOrDefault(SecurityMatrix.SECURED, 0L) + " secured; by scheme: "
				+ (schemes.isEmpty() ? "none" : schemes) + "; " + matrix.schemes().size() + " scheme(s). The table: "
				+ "logging.level." + SecurityMatrixReport.class.getName() + "=debug or /actuator/nexios";
	}

	/**
	 * The table: one line per operation, then one per scheme and what applies beside the operations.
	 */
	static String table(SecurityMatrix matrix) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "METHODS", "PATTERNS", "HANDLER", "REQUIREMENTS", "SOURCE" });
		for (SecurityMatrix.Operation operation : matrix.operations()) {
			rows.add(new String[] { String.join(",", operation.methods()), String.join(",", operation.patterns()),
					operation.handler(), describe(operation.requirements()),
					operation.source() + ((operation.annotation() != null) ? " " + operation.annotation() : "") });
		}
		int[] widths = new int[5];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		StringBuilder table = new StringBuilder("Nexios security matrix:");
		rows.forEach((row) -> {
			table.append(System.lineSeparator()).append("  ");
			for (int i = 0; i < row.length; i++) {
				table.append((i < row.length - 1) ? String.format("%-" + widths[i] + "s  ", row[i]) : row[i]);
			}
		});
		matrix.schemes().forEach((name, scheme) -> table.append(System.lineSeparator())
			.append("  scheme ")
			.append(name)
			.append(": ")
			.append(describe(scheme)));
		table.append(System.lineSeparator())
			.append("  default requirements: ")
			.append(matrix.publicByDefault() ? "none (public-by-default)" : describe(matrix.defaultRequirements()));
		table.append(System.lineSeparator())
			.append("  documentation: ")
			.append(describe(matrix.docsRequirements()));
		table.append(System.lineSeparator())
			.append("  actuator: ")
			.append(describe(matrix.actuator().requirements()))
			.append("; public endpoints: ")
			.append(matrix.actuator().publicEndpoints().isEmpty() ? "none"
					: String.join(", ", matrix.actuator().publicEndpoints()));
		return table.toString();
	}

	/**
	 * Alternatives separated by {@code |}, schemes of one alternative by {@code +}, scopes in brackets:
	 * {@code oauth2[read] | bearerAuth}; {@code public} when there is none, {@code anonymous} for
	 * {@code {}}.
	 */
	static String describe(List<Map<String, List<String>>> requirements) {
		if (requirements.isEmpty()) {
			return "public";
		}
		return requirements.stream()
			.map((requirement) -> requirement.isEmpty() ? "anonymous"
					: requirement.entrySet()
						.stream()
						.map((entry) -> entry.getKey()
								+ (entry.getValue().isEmpty() ? "" : "[" + String.join(",", entry.getValue()) + "]"))
						.collect(Collectors.joining("+")))
			.collect(Collectors.joining(" | "));
	}

	private static String describe(SecurityMatrix.Scheme scheme) {
		StringBuilder text = new StringBuilder(scheme.type());
		if (scheme.scheme() != null) {
			text.append(' ').append(scheme.scheme());
		}
		if (scheme.in() != null) {
			text.append(' ').append(scheme.in()).append(' ').append(scheme.name());
		}
		if (!scheme.flows().isEmpty()) {
			text.append(" flows ").append(String.join(",", scheme.flows()));
		}
		SecurityMatrix.Verification verification = scheme.verification();
		text.append(", verified by ").append(verification.method());
		if (verification.source() != null) {
			text.append(" (").append(verification.source()).append(".*)");
		}
		if (verification.issuer() != null) {
			text.append(", issuer ").append(verification.issuer());
		}
		if (verification.jwkSetUri() != null) {
			text.append(", JWK set ").append(verification.jwkSetUri());
		}
		if (verification.publicKeyLocation() != null) {
			text.append(", public key ").append(verification.publicKeyLocation());
		}
		if (!verification.audiences().isEmpty()) {
			text.append(", audiences ").append(String.join(",", verification.audiences()));
		}
		if (!verification.algorithms().isEmpty()) {
			text.append(", algorithms ").append(String.join(",", verification.algorithms()));
		}
		if (verification.introspectionUri() != null) {
			text.append(", introspection ").append(verification.introspectionUri());
		}
		if (verification.configuredKeys() != null) {
			text.append(", ").append(verification.configuredKeys()).append(" configured key(s)");
		}
		if (verification.store() != null) {
			text.append(", store ").append(verification.store());
		}
		if (verification.apiKeyAuthenticators() != null && verification.apiKeyAuthenticators() > 0) {
			text.append(", ").append(verification.apiKeyAuthenticators()).append(" ApiKeyAuthenticator bean(s)");
		}
		return text.toString();
	}

}
