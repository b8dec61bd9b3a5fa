package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.actuate.SecurityMatrix;
import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import dev.nexios.spring.model.SecuritySchemeDefinition;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Builds the {@link SecurityMatrix} from the resolved model, the mappings of the application's handler
 * methods, and how each scheme is verified.
 */
final class SecurityMatrices {

	/** By patterns, methods, handler; the keys computed once per operation, not once per comparison. */
	private static final Comparator<Sorted> ORDER = Comparator.comparing(Sorted::patterns)
		.thenComparing(Sorted::methods)
		.thenComparing((sorted) -> sorted.operation().handler());

	private SecurityMatrices() {
	}

	/**
	 * The matrix.
	 * @param model the resolved model
	 * @param mappings the mappings of each operation's handler method, from the stack's handler mappings
	 * @param docsRequirements the requirements of the documentation
	 * @param verifications how each scheme is verified, by scheme name
	 */
	static SecurityMatrix of(NexiosSecurityModel model, Map<HandlerMethod, List<Mapping>> mappings,
			List<SecurityRequirement> docsRequirements, Map<String, SecurityMatrix.Verification> verifications) {
		List<Sorted> operations = new ArrayList<>();
		mappings.forEach((handlerMethod, mapped) -> {
			OperationSecurity security = model.operation(handlerMethod);
			if (security == null) {
				return;
			}
			String handler = handlerMethod.getBeanType().getSimpleName() + "#" + handlerMethod.getMethod().getName();
			for (Mapping mapping : mapped) {
				operations.add(new Sorted(String.join(",", mapping.patterns()), String.join(",", mapping.methods()),
						new SecurityMatrix.Operation(mapping.methods(), mapping.patterns(), handler, access(security),
								requirements(security.requirements()), source(security, model),
								(security.annotation() != null) ? "@" + security.annotation().getSimpleName()
										: null)));
			}
		});
		operations.sort(ORDER);
		List<SecurityMatrix.Operation> sorted = operations.stream().map(Sorted::operation).toList();
		Map<String, SecurityMatrix.Scheme> schemes = new LinkedHashMap<>();
		model.schemes().forEach((name, scheme) -> schemes.put(name, scheme(scheme, verifications.get(name))));
		return new SecurityMatrix(model.isPublicByDefault(), requirements(model.defaultRequirements()),
				requirements(docsRequirements),
				new SecurityMatrix.Actuator(requirements(model.actuator().requirements()),
						model.actuator().publicEndpoints().stream().sorted().toList()),
				schemes, sorted);
	}

	/**
	 * An operation with its sort keys.
	 */
	private record Sorted(String patterns, String methods, SecurityMatrix.Operation operation) {
	}

	static String access(OperationSecurity security) {
		return security.isPublic() ? SecurityMatrix.PUBLIC
				: security.isOptional() ? SecurityMatrix.OPTIONAL : SecurityMatrix.SECURED;
	}

	private static String source(OperationSecurity security, NexiosSecurityModel model) {
		return switch (security.origin()) {
			case METHOD -> "method-" + annotationKind(security);
			case CLASS -> "class-" + annotationKind(security);
			case DEFAULT -> model.isPublicByDefault() ? "public-by-default" : "default-requirements";
			case ACTUATOR -> "actuator";
		};
	}

	private static String annotationKind(OperationSecurity security) {
		Class<?> annotation = security.annotation();
		boolean direct = annotation == null || annotation == NexiosSecured.class || annotation == NexiosPublic.class;
		return direct ? "annotation" : "meta-annotation";
	}

	private static List<Map<String, List<String>>> requirements(List<SecurityRequirement> requirements) {
		return requirements.stream().map(SecurityRequirement::schemes).toList();
	}

	private static SecurityMatrix.Scheme scheme(SecuritySchemeDefinition scheme,
			SecurityMatrix.Verification verification) {
		return new SecurityMatrix.Scheme(scheme.type().value(), scheme.scheme(),
				"bearer".equals(scheme.scheme()) ? scheme.bearerFormat() : null,
				(scheme.in() != null) ? scheme.in().value() : null, scheme.keyName(),
				scheme.flows().keySet().stream().map((type) -> type.value()).toList(),
				List.copyOf(scheme.declaredScopes()), scheme.openIdConnectUrl(), verification);
	}

	/**
	 * One mapping of a handler method: its HTTP methods (as the document lists them) and path patterns.
	 */
	record Mapping(List<String> methods, List<String> patterns) {

		/**
		 * A mapping, its methods as the OpenAPI document lists them: every method but {@code TRACE} when it
		 * names none.
		 */
		static Mapping of(Set<RequestMethod> methods, List<String> patterns) {
			Collection<RequestMethod> documented = methods.isEmpty()
					? EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE)) : EnumSet.copyOf(methods);
			return new Mapping(documented.stream().map(RequestMethod::name).toList(), List.copyOf(patterns));
		}

	}

}
