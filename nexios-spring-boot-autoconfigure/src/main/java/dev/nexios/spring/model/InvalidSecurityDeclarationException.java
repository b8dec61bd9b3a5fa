package dev.nexios.spring.model;

import java.util.Collection;
import java.util.List;

/**
 * Thrown at startup when the security declaration is inconsistent: a requirement names an undeclared
 * scheme or scope, or a scheme is incomplete. It carries every problem found, each naming the handler
 * method ({@code Class#method}) or the property path at fault, so that one start reports them all.
 */
public class InvalidSecurityDeclarationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	private final List<String> declaredSchemes;

	/**
	 * Creates an exception.
	 * @param problems one human-readable line per problem, never empty
	 * @param declaredSchemes the names of the schemes that are declared, in declaration order
	 */
	public InvalidSecurityDeclarationException(List<String> problems, Collection<String> declaredSchemes) {
		super("Invalid Nexios security declaration:" + System.lineSeparator() + "  - "
				+ String.join(System.lineSeparator() + "  - ", problems));
		this.problems = List.copyOf(problems);
		this.declaredSchemes = List.copyOf(declaredSchemes);
	}

	/**
	 * The problems found, one line each.
	 * @return an unmodifiable list
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	/**
	 * The schemes that are declared.
	 * @return scheme names, in declaration order
	 */
	public List<String> getDeclaredSchemes() {
		return this.declaredSchemes;
	}

}
