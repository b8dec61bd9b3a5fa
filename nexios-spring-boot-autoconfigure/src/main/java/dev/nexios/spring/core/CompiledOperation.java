package dev.nexios.spring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;

/**
 * The security of one operation, resolved at startup against the scheme authenticators: nothing about
 * it is looked up per request.
 *
 * @param isPublic no requirement at all: credentials are ignored
 * @param optional the empty requirement is among the alternatives
 * @param alternatives the non-empty requirements (OR), in declaration order
 * @param schemes every scheme named by an alternative, once, in declaration order (the challenges)
 * @param description the alternatives for problem details, e.g. {@code bearerAuth, or apiKeyAuth}
 */
public record CompiledOperation(boolean isPublic, boolean optional, List<Alternative> alternatives,
		List<SchemeAuthenticator> schemes, String description) {

	/**
	 * Compiles requirements.
	 * @param requirements the requirements
	 * @param authenticators the authenticators by scheme name
	 * @return the compiled security
	 */
	public static CompiledOperation compile(List<SecurityRequirement> requirements,
			Map<String, SchemeAuthenticator> authenticators) {
		return compile(new OperationSecurity(requirements, OperationSecurity.Origin.DEFAULT), authenticators);
	}

	/**
	 * Compiles the security of an operation.
	 * @param security the security
	 * @param authenticators the authenticators by scheme name
	 * @return the compiled security
	 */
	public static CompiledOperation compile(OperationSecurity security, Map<String, SchemeAuthenticator> authenticators) {
		List<Alternative> alternatives = new ArrayList<>();
		Set<SchemeAuthenticator> schemes = new LinkedHashSet<>();
		List<String> descriptions = new ArrayList<>();
		for (SecurityRequirement requirement : security.requirements()) {
			if (requirement.isAnonymous()) {
				continue;
			}
			Map<SchemeAuthenticator, Set<String>> required = new LinkedHashMap<>();
			requirement.schemes().forEach((name, scopes) -> {
				SchemeAuthenticator authenticator = authenticators.get(name);
				if (authenticator == null) {
					throw new IllegalStateException("Security scheme '" + name + "' is not declared");
				}
				required.put(authenticator, new LinkedHashSet<>(scopes));
				schemes.add(authenticator);
			});
			alternatives.add(new Alternative(required));
			descriptions.add(String.join(" and ", requirement.schemes().keySet()));
		}
		return new CompiledOperation(security.isPublic(), security.isOptional(), List.copyOf(alternatives),
				List.copyOf(schemes), String.join(", or ", descriptions));
	}

	/**
	 * One security requirement: every scheme with the scopes required of it (AND).
	 *
	 * @param schemes authenticator to required scopes, in declaration order
	 */
	public record Alternative(Map<SchemeAuthenticator, Set<String>> schemes) {

		/**
		 * Whether a browser may have sent this alternative's credentials on its own: one of its schemes
		 * is {@linkplain SchemeAuthenticator#isSentByBrowser() sent by browsers}.
		 * @return {@code true} when cross-site request forgery could satisfy it
		 */
		public boolean sentByBrowser() {
			for (SchemeAuthenticator scheme : this.schemes.keySet()) {
				if (scheme.isSentByBrowser()) {
					return true;
				}
			}
			return false;
		}

	}

}
