package dev.nexios.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nexios.spring.actuate.SecurityMatrix;
import dev.nexios.spring.core.ApiKeyAuthenticator;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecuritySchemeDefinition;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * How the credentials of each scheme are verified, for the {@link SecurityMatrix}: the same choice of
 * key material as {@code SchemeAuthenticators} makes (the scheme's own {@code jwt.*}, its own
 * {@code opaque-token.*}, the application's JWT decoder, the application's introspector), described
 * with public settings only — never a key, a digest, a password or a client secret.
 */
final class SchemeVerifications {

	private static final String RESOURCE_SERVER_JWT = "spring.security.oauth2.resourceserver.jwt";

	private static final String RESOURCE_SERVER_OPAQUE = "spring.security.oauth2.resourceserver.opaquetoken";

	private SchemeVerifications() {
	}

	/**
	 * The bean types that verify credentials on one web stack.
	 * @param jwtDecoder the JWT decoder type
	 * @param introspector the opaque-token introspector type
	 * @param userDetails the user details service type
	 */
	record StackTypes(String jwtDecoder, String introspector, String userDetails) {

		static final StackTypes SERVLET = new StackTypes("org.springframework.security.oauth2.jwt.JwtDecoder",
				"org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector",
				"org.springframework.security.core.userdetails.UserDetailsService");

		static final StackTypes REACTIVE = new StackTypes("org.springframework.security.oauth2.jwt.ReactiveJwtDecoder",
				"org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector",
				"org.springframework.security.core.userdetails.ReactiveUserDetailsService");

	}

	static Map<String, SecurityMatrix.Verification> of(NexiosSecurityModel model, NexiosSecurityProperties properties,
			ListableBeanFactory beans, Environment environment, StackTypes types) {
		Map<String, SecurityMatrix.Verification> result = new LinkedHashMap<>();
		model.schemes().forEach((name, scheme) -> result.put(name,
				verification(scheme, settings(properties, name), beans, environment, types)));
		return result;
	}

	private static SecurityMatrix.Verification verification(SecuritySchemeDefinition scheme,
			NexiosSecurityProperties.@Nullable Scheme settings, ListableBeanFactory beans, Environment environment,
			StackTypes types) {
		String prefix = "nexios.security.schemes." + scheme.name();
		return switch (scheme.type()) {
			case API_KEY -> new SecurityMatrix.Verification("api-keys", null, null, null, null, List.of(), List.of(),
					null, (settings != null) ? settings.getKeys().size() : 0,
					(settings != null && settings.getStore() != null) ? settings.getStore().name().toLowerCase(Locale.ROOT)
							: null,
					beans.getBeanNamesForType(ApiKeyAuthenticator.class, true, false).length);
			case HTTP -> "basic".equals(scheme.scheme())
					? simple(unique(beans, types.userDetails()) ? "user-details-service" : "none")
					: bearer(prefix, settings, beans, environment, types);
			case OAUTH2, OPEN_ID_CONNECT -> bearer(prefix, settings, beans, environment, types);
		};
	}

	private static SecurityMatrix.Verification bearer(String prefix, NexiosSecurityProperties.@Nullable Scheme settings,
			ListableBeanFactory beans, Environment environment, StackTypes types) {
		if (settings != null) {
			NexiosSecurityProperties.Jwt jwt = settings.getJwt();
			if (StringUtils.hasText(jwt.getJwkSetUri()) || StringUtils.hasText(jwt.getPublicKeyLocation())
					|| StringUtils.hasText(jwt.getIssuerUri())) {
				return new SecurityMatrix.Verification("jwt", prefix + ".jwt", jwt.getIssuerUri(), jwt.getJwkSetUri(),
						jwt.getPublicKeyLocation(), jwt.getAudiences(), jwt.getJwsAlgorithms(), null, null, null, null);
			}
			String introspectionUri = settings.getOpaqueToken().getIntrospectionUri();
			if (StringUtils.hasText(introspectionUri)) {
				return new SecurityMatrix.Verification("introspection", prefix + ".opaque-token", null, null, null,
						List.of(), List.of(), introspectionUri, null, null, null);
			}
		}
		if (unique(beans, types.jwtDecoder())) {
			Binder binder = Binder.get(environment);
			String issuer = environment.getProperty(RESOURCE_SERVER_JWT + ".issuer-uri");
			String jwkSetUri = environment.getProperty(RESOURCE_SERVER_JWT + ".jwk-set-uri");
			String publicKeyLocation = environment.getProperty(RESOURCE_SERVER_JWT + ".public-key-location");
			List<String> audiences = binder.bind(RESOURCE_SERVER_JWT + ".audiences", Bindable.listOf(String.class))
				.orElse(List.of());
			List<String> algorithms = binder
				.bind(RESOURCE_SERVER_JWT + ".jws-algorithms", Bindable.listOf(String.class))
				.orElse(List.of());
			boolean configured = issuer != null || jwkSetUri != null || publicKeyLocation != null;
			return new SecurityMatrix.Verification("application-jwt-decoder", configured ? RESOURCE_SERVER_JWT : null,
					issuer, jwkSetUri, publicKeyLocation, audiences, algorithms, null, null, null, null);
		}
		if (unique(beans, types.introspector())) {
			String introspectionUri = environment.getProperty(RESOURCE_SERVER_OPAQUE + ".introspection-uri");
			return new SecurityMatrix.Verification("application-introspector",
					(introspectionUri != null) ? RESOURCE_SERVER_OPAQUE : null, null, null, null, List.of(), List.of(),
					introspectionUri, null, null, null);
		}
		return simple("none");
	}

	private static SecurityMatrix.Verification simple(String method) {
		return new SecurityMatrix.Verification(method, null, null, null, null, List.of(), List.of(), null, null, null,
				null);
	}

	/**
	 * Whether the application has exactly one bean of a type (or a primary one), as the verifiers ask.
	 */
	private static boolean unique(ListableBeanFactory beans, String typeName) {
		ClassLoader classLoader = SchemeVerifications.class.getClassLoader();
		if (!ClassUtils.isPresent(typeName, classLoader)) {
			return false;
		}
		return beans.getBeanProvider(ClassUtils.resolveClassName(typeName, classLoader)).getIfUnique() != null;
	}

	/**
	 * The properties of a scheme, its name matched case-insensitively as {@code SchemeAuthenticators}
	 * does (the property binder may have changed the case of a map key).
	 */
	private static NexiosSecurityProperties.@Nullable Scheme settings(NexiosSecurityProperties properties, String name) {
		NexiosSecurityProperties.Scheme settings = properties.getSchemes().get(name);
		if (settings != null) {
			return settings;
		}
		return properties.getSchemes()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
