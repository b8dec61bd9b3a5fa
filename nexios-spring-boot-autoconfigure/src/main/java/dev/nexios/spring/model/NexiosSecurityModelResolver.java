package dev.nexios.spring.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import dev.nexios.spring.annotation.Requirement;
import dev.nexios.spring.annotation.Scheme;
import dev.nexios.spring.model.OperationSecurity.Origin;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.annotation.RepeatableContainers;
import org.springframework.web.method.HandlerMethod;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the security declaration (schemes, default requirements, and {@link NexiosSecured} /
 * {@link NexiosPublic} on handler methods) into the immutable {@link NexiosSecurityModel}, checking it
 * as a whole.
 *
 * <p>For each handler method the effective requirements are, in order of precedence: the method's own
 * annotation (directly or as a meta-annotation, also on an interface it implements), the class's, then
 * the default requirements.
 */
public final class NexiosSecurityModelResolver {

	/** The scheme that is the default requirement when none is configured. */
	static final String DEFAULT_SCHEME = "bearerAuth";

	private NexiosSecurityModelResolver() {
	}

	/**
	 * Resolves the model, also checking that the handler methods that serve one OpenAPI operation (one
	 * path and HTTP method, told apart only by {@code consumes}, {@code params}, {@code headers} or
	 * {@code produces}) have the same security: the operation has a single {@code security} (OpenAPI
	 * 3.1 §4.8.10), which would be wrong for some of the requests otherwise.
	 * @param schemes the declared schemes; frozen by this call
	 * @param defaults the default requirements and the actuator's security as configured
	 * @param handlerMethods the application's handler methods
	 * @param operationsOf the operations a handler method serves, each as {@code "<METHOD> <path>"}, e.g.
	 * {@code "POST /orders"}
	 * @return the model
	 * @throws InvalidSecurityDeclarationException listing every problem found: an incomplete scheme, a
	 * requirement naming an undeclared scheme or a scope that no flow of an OAuth2 scheme declares,
	 * contradictory annotations, one operation served with different security, or no default
	 * requirements (none configured and no {@code bearerAuth} scheme), listing the operations that
	 * declare none
	 */
	public static NexiosSecurityModel resolve(NexiosSecuritySchemes schemes, Defaults defaults,
			Collection<HandlerMethod> handlerMethods, Function<HandlerMethod, Collection<String>> operationsOf) {
		schemes.freeze();
		List<String> problems = new ArrayList<>();
		Map<String, SecuritySchemeDefinition> definitions = new LinkedHashMap<>();
		schemes.asMap().forEach((name, scheme) -> {
			SecuritySchemeDefinition definition = SecuritySchemeDefinition.from(name, scheme);
			checkScheme(definition, schemes.source(name), problems);
			definitions.put(name, definition);
		});
		List<SecurityRequirement> configured = defaults.defaultRequirements();
		for (int i = 0; i < configured.size(); i++) {
			checkRequirement(configured.get(i), definitions, defaults.defaultRequirementsSource() + "[" + i + "]",
					problems);
		}
		List<SecurityRequirement> defaultRequirements = configured.isEmpty()
				&& definitions.containsKey(DEFAULT_SCHEME) ? List.of(SecurityRequirement.of(DEFAULT_SCHEME)) : configured;
		List<SecurityRequirement> uncovered = defaultRequirements.stream()
			.filter((requirement) -> !requirement.isAnonymous())
			.toList();
		List<SecurityRequirement> operationDefault = defaults.publicByDefault() ? List.of() : defaultRequirements;
		Map<NexiosSecurityModel.HandlerKey, OperationSecurity> operations = new LinkedHashMap<>();
		Map<String, Map<List<SecurityRequirement>, Set<String>>> servedBy = new HashMap<>();
		Set<String> undeclared = new TreeSet<>();
		for (HandlerMethod handlerMethod : handlerMethods) {
			Method method = handlerMethod.getMethod();
			String where = handlerMethod.getBeanType().getSimpleName() + "#" + method.getName();
			OperationSecurity security = resolveOperation(handlerMethod, operationDefault, where, problems);
			if (security.origin() == Origin.DEFAULT) {
				undeclared.add(where);
			}
			else {
				security.requirements().forEach((requirement) -> checkRequirement(requirement, definitions, where, problems));
			}
			operations.put(NexiosSecurityModel.HandlerKey.of(handlerMethod), security);
			for (String operation : operationsOf.apply(handlerMethod)) {
				servedBy.computeIfAbsent(operation, (key) -> new LinkedHashMap<>())
					.computeIfAbsent(security.requirements(), (key) -> new TreeSet<>())
					.add(where);
			}
		}
		// sorted only where there is something to report (thousands of operations otherwise)
		servedBy.entrySet()
			.stream()
			.filter((served) -> served.getValue().size() > 1)
			.sorted(Map.Entry.comparingByKey())
			.forEach((served) -> problems.add(served.getKey() + " is served by handler methods with different "
					+ "security (" + String.join("; ", served.getValue().entrySet().stream()
						.map((entry) -> String.join(", ", entry.getValue()) + ": " + describe(entry.getKey()))
						.sorted()
						.toList())
					+ "); its OpenAPI operation has one security, so give them the same requirements or "
					+ "different paths"));
		if (uncovered.isEmpty()) {
			problems.add(defaults.defaultRequirementsSource() + (configured.isEmpty()
					? " is not set and no scheme '" + DEFAULT_SCHEME + "' is declared" : " names no scheme")
					+ ": nothing would decide the requests that no declaration covers. Set it (e.g. [{"
					+ (definitions.isEmpty() ? "apiKeyAuth" : definitions.keySet().iterator().next())
					+ ": []}]); it applies to actuator endpoints, handlers outside the declaration and "
					+ (defaults.publicByDefault() ? "other servlets"
							: "every operation without @NexiosSecured or @NexiosPublic"
									+ (undeclared.isEmpty() ? "" : " (" + String.join(", ", undeclared) + ")")
									+ ", unless nexios.security.public-by-default=true makes those operations public"));
		}
		List<SecurityRequirement> actuatorRequirements = defaults.actuatorRequirements();
		for (int i = 0; i < actuatorRequirements.size(); i++) {
			checkRequirement(actuatorRequirements.get(i), definitions, "nexios.security.actuator.requirements[" + i + "]",
					problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(problems, definitions.keySet());
		}
		return new NexiosSecurityModel(definitions, operationDefault, uncovered,
				new ActuatorSecurity(actuatorRequirements.isEmpty() ? uncovered : actuatorRequirements,
						defaults.actuatorPublicEndpoints()),
				operations);
	}

	/**
	 * What applies where nothing is declared, as configured.
	 *
	 * @param defaultRequirements {@code nexios.security.default-requirements}; empty when not set, then
	 * {@code bearerAuth} is the default when that scheme is declared
	 * @param defaultRequirementsSource the property path of the defaults, for error messages
	 * @param publicByDefault {@code nexios.security.public-by-default}: operations without a declaration
	 * are public (actuator endpoints and other requests still require the default requirements)
	 * @param actuatorRequirements {@code nexios.security.actuator.requirements}; empty: the default
	 * requirements
	 * @param actuatorPublicEndpoints {@code nexios.security.actuator.public-endpoints}: endpoint IDs open
	 * to all
	 */
	public record Defaults(List<SecurityRequirement> defaultRequirements, String defaultRequirementsSource,
			boolean publicByDefault, List<SecurityRequirement> actuatorRequirements,
			Set<String> actuatorPublicEndpoints) {

		public Defaults {
			defaultRequirements = List.copyOf(defaultRequirements);
			actuatorRequirements = List.copyOf(actuatorRequirements);
			actuatorPublicEndpoints = Set.copyOf(actuatorPublicEndpoints);
		}

		/**
		 * The defaults of a bare application: {@code bearerAuth} when declared, the actuator's health
		 * endpoint public.
		 * @return the defaults
		 */
		public static Defaults standard() {
			return new Defaults(List.of(), "nexios.security.default-requirements", false, List.of(), Set.of("health"));
		}

	}

	/**
	 * Reads the requirements declared by one element, or {@code null} when it declares none. The
	 * nearest declaration wins: the element's own, then that of the superclass or interface (method)
	 * it overrides, and so on; a subclass or an overriding method may thus replace inherited security.
	 */
	private static @Nullable Declared declared(AnnotatedElement element, String where, List<String> problems) {
		MergedAnnotations annotations = MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY,
				RepeatableContainers.none());
		MergedAnnotation<NexiosSecured> securedAnnotation = nearest(annotations, NexiosSecured.class);
		MergedAnnotation<NexiosPublic> publicAnnotation = nearest(annotations, NexiosPublic.class);
		if (securedAnnotation.isPresent() && publicAnnotation.isPresent()) {
			if (securedAnnotation.getAggregateIndex() == publicAnnotation.getAggregateIndex()) {
				problems.add(where + ": both @NexiosSecured and @NexiosPublic are declared; keep one");
				return null;
			}
			if (securedAnnotation.getAggregateIndex() < publicAnnotation.getAggregateIndex()) {
				publicAnnotation = MergedAnnotation.missing();
			}
			else {
				securedAnnotation = MergedAnnotation.missing();
			}
		}
		NexiosSecured secured = securedAnnotation.isPresent() ? securedAnnotation.synthesize() : null;
		boolean isPublic = publicAnnotation.isPresent();
		if (isPublic) {
			return new Declared(List.of(), writtenAs(publicAnnotation));
		}
		if (secured == null) {
			return null;
		}
		List<SecurityRequirement> requirements = new ArrayList<>();
		if (secured.scopes().length > 0 && secured.value().length == 0) {
			problems.add(where + ": @NexiosSecured(scopes = ...) needs the schemes they apply to in 'value'");
		}
		for (String scheme : secured.value()) {
			requirements.add(SecurityRequirement.of(scheme, secured.scopes()));
		}
		for (Requirement requirement : secured.anyOf()) {
			Map<String, Set<String>> schemes = new LinkedHashMap<>();
			for (String scheme : requirement.value()) {
				schemes.computeIfAbsent(scheme, (key) -> new LinkedHashSet<>()).addAll(List.of(requirement.scopes()));
			}
			for (Scheme scheme : requirement.schemes()) {
				schemes.computeIfAbsent(scheme.name(), (key) -> new LinkedHashSet<>()).addAll(List.of(scheme.scopes()));
			}
			if (schemes.isEmpty()) {
				problems.add(where + ": @Requirement names no scheme; use @NexiosSecured(optional = true) for "
						+ "anonymous access, or @NexiosPublic");
				continue;
			}
			Map<String, List<String>> copy = new LinkedHashMap<>();
			schemes.forEach((name, scopes) -> copy.put(name, List.copyOf(scopes)));
			requirements.add(new SecurityRequirement(copy));
		}
		if (requirements.isEmpty()) {
			problems.add(where + ": @NexiosSecured names no scheme; name one in 'value' or 'anyOf', or use "
					+ "@NexiosPublic for a public operation");
			return null;
		}
		if (secured.optional()) {
			requirements.add(SecurityRequirement.ANONYMOUS);
		}
		return new Declared(requirements, writtenAs(securedAnnotation));
	}

	/**
	 * The annotation as written on the element: the merged annotation itself, or the application's
	 * annotation that carries it as a meta-annotation.
	 */
	private static Class<? extends Annotation> writtenAs(MergedAnnotation<?> annotation) {
		return annotation.getRoot().getType();
	}

	/**
	 * The requirements an element declares, and the annotation that declares them.
	 */
	private record Declared(List<SecurityRequirement> requirements, Class<? extends Annotation> annotation) {
	}

	/**
	 * The annotation declared nearest to the element: on the element itself before its superclasses
	 * and interfaces, directly before as a meta-annotation.
	 */
	private static <A extends Annotation> MergedAnnotation<A> nearest(MergedAnnotations annotations, Class<A> type) {
		return annotations.stream(type)
			.min(Comparator.<MergedAnnotation<A>>comparingInt(MergedAnnotation::getAggregateIndex)
				.thenComparingInt(MergedAnnotation::getDistance))
			.orElse(MergedAnnotation.missing());
	}

	private static OperationSecurity resolveOperation(HandlerMethod handlerMethod,
			List<SecurityRequirement> defaultRequirements, String where, List<String> problems) {
		Declared onMethod = declared(handlerMethod.getMethod(), where, problems);
		if (onMethod != null) {
			return new OperationSecurity(onMethod.requirements(), Origin.METHOD, onMethod.annotation());
		}
		Declared onClass = declared(handlerMethod.getBeanType(), handlerMethod.getBeanType().getSimpleName(),
				problems);
		if (onClass != null) {
			return new OperationSecurity(onClass.requirements(), Origin.CLASS, onClass.annotation());
		}
		return new OperationSecurity(defaultRequirements, Origin.DEFAULT);
	}

	private static String describe(List<SecurityRequirement> requirements) {
		if (requirements.isEmpty()) {
			return "public";
		}
		return String.join(" or ", requirements.stream()
			.map((requirement) -> requirement.isAnonymous() ? "anonymous"
					: String.join(" and ", requirement.schemes().keySet()))
			.toList());
	}

	private static void checkRequirement(SecurityRequirement requirement,
			Map<String, SecuritySchemeDefinition> definitions, String where, List<String> problems) {
		requirement.schemes().forEach((name, scopes) -> {
			SecuritySchemeDefinition definition = definitions.get(name);
			if (definition == null) {
				problems.add(where + ": security scheme '" + name + "' is not declared (declared schemes: "
						+ (definitions.isEmpty() ? "none" : String.join(", ", definitions.keySet()))
						+ "); declare it under nexios.security.schemes." + name);
				return;
			}
			if (definition.declaresScopes()) {
				Set<String> declaredScopes = definition.declaredScopes();
				for (String scope : scopes) {
					if (!declaredScopes.contains(scope)) {
						problems.add(where + ": scope '" + scope + "' of scheme '" + name
								+ "' is not declared by any of its flows (declared scopes: "
								+ (declaredScopes.isEmpty() ? "none" : String.join(", ", declaredScopes)) + ")");
					}
				}
			}
		});
	}

	private static void checkScheme(SecuritySchemeDefinition scheme, String source, List<String> problems) {
		String prefix = (source != null && source.startsWith("nexios.")) ? source + "." : "scheme '" + scheme.name()
				+ "' (registered by " + source + "): ";
		boolean property = prefix.startsWith("nexios.");
		if (scheme.type() == null) {
			problems.add(prefix + "type is missing or unsupported; use http, apiKey, oauth2 or "
					+ "openIdConnect");
			return;
		}
		switch (scheme.type()) {
			case HTTP -> {
				if (scheme.scheme() == null || scheme.scheme().isBlank()) {
					problems.add(prefix + "scheme is missing; use bearer or basic");
				}
				else if (!scheme.scheme().equals("bearer") && !scheme.scheme().equals("basic")) {
					problems.add(prefix + "scheme '" + scheme.scheme()
							+ "' is not supported; use bearer or basic");
				}
			}
			case API_KEY -> {
				if (scheme.keyName() == null || scheme.keyName().isBlank()) {
					problems.add(prefix + "name is missing: the header, query parameter or "
							+ "cookie that carries the key");
				}
				if (scheme.in() == null) {
					problems.add(prefix + "in is missing; use header, query or cookie");
				}
			}
			case OAUTH2 -> {
				if (scheme.flows().isEmpty()) {
					problems.add(prefix + "flows is empty; declare at least one of password, "
							+ "client-credentials, authorization-code, implicit");
				}
				scheme.flows().forEach((type, flow) -> {
					String flowPrefix = prefix + "flows." + (property ? kebab(type.value()) : type.value());
					String tokenUrl = flowPrefix + "." + (property ? "token-url" : "tokenUrl");
					String authorizationUrl = flowPrefix + "." + (property ? "authorization-url" : "authorizationUrl");
					String refreshUrl = flowPrefix + "." + (property ? "refresh-url" : "refreshUrl");
					checkUrl(flow.tokenUrl(), type.needsTokenUrl(), tokenUrl, problems);
					checkUrl(flow.authorizationUrl(), type.needsAuthorizationUrl(), authorizationUrl, problems);
					checkUrl(flow.refreshUrl(), false, refreshUrl, problems);
				});
			}
			case OPEN_ID_CONNECT -> checkUrl(scheme.openIdConnectUrl(), true,
					prefix + (property ? "open-id-connect-url" : "openIdConnectUrl"), problems);
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static void checkUrl(String url, boolean required, String where, List<String> problems) {
		if (url == null || url.isBlank()) {
			if (required) {
				problems.add(where + " is missing");
			}
			return;
		}
		try {
			URI uri = new URI(url);
			boolean absoluteHttp = uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
					|| "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
			boolean relative = !uri.isAbsolute() && url.startsWith("/") && !url.startsWith("//");
			if (!absoluteHttp && !relative) {
				problems.add(where + " '" + url + "' is not a valid URL; use an absolute http(s) URL or a path "
						+ "starting with /");
			}
		}
		catch (URISyntaxException ex) {
			problems.add(where + " '" + url + "' is not a valid URL: " + ex.getReason());
		}
	}

}
