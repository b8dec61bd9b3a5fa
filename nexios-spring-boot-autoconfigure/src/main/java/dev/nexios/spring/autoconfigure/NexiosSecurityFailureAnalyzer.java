package dev.nexios.spring.autoconfigure;

import dev.nexios.spring.model.InvalidSecurityDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidSecurityDeclarationException} at startup: every problem of the security
 * declaration, each with its handler method or property path, and the schemes that do exist.
 */
class NexiosSecurityFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecurityDeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecurityDeclarationException cause) {
		String nl = System.lineSeparator();
		StringBuilder description = new StringBuilder("The Nexios security declaration has ")
			.append(cause.getProblems().size())
			.append((cause.getProblems().size() == 1) ? " problem:" : " problems:")
			.append(nl);
		cause.getProblems().forEach((problem) -> description.append(nl).append("  - ").append(problem));
		description.append(nl).append(nl).append("Declared security schemes: ")
			.append(cause.getDeclaredSchemes().isEmpty() ? "none"
					: String.join(", ", cause.getDeclaredSchemes()));
		String action = "Declare every security scheme under nexios.security.schemes.<name> (or with a "
				+ "NexiosSecuritySchemesCustomizer bean) with all the fields its type needs, declare every "
				+ "required OAuth2 scope in a flow of its scheme, and name only declared schemes and scopes in "
				+ "@NexiosSecured and nexios.security.default-requirements.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
