package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nexios.spring.autoconfigure.NexiosSecurityProperties.Flow;
import dev.nexios.spring.autoconfigure.NexiosSecurityProperties.Scheme;
import dev.nexios.spring.model.NexiosSecuritySchemes;
import dev.nexios.spring.model.SecurityRequirement;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Reads {@code nexios.security.*} into the scheme registry and the default requirements.
 *
 * <p>Scheme names keep the spelling of {@code application.yml} or of the command line. Environment
 * variables can only spell names in lower case ({@code NEXIOS_SECURITY_SCHEMES_APIKEYAUTH_IN} binds to
 * the key {@code apikeyauth}), and Spring Boot binds every spelling of one name from every property
 * source; so keys that differ only in case are one scheme, named by the spelling that has upper-case
 * letters.
 */
final class PropertiesSecuritySchemes {

	private static final String PREFIX = "nexios.security.schemes.";

	private PropertiesSecuritySchemes() {
	}

	/**
	 * Registers the schemes of the properties, and the default {@code bearerAuth} unless a scheme of
	 * that name is declared (enabled or not).
	 * @param properties the properties
	 * @param schemes the registry to fill
	 */
	static void register(NexiosSecurityProperties properties, NexiosSecuritySchemes schemes) {
		Map<String, Map.Entry<String, Scheme>> byLowerCase = new LinkedHashMap<>();
		properties.getSchemes().forEach((name, scheme) -> byLowerCase.merge(name.toLowerCase(Locale.ROOT),
				Map.entry(name, scheme), (existing, candidate) -> preferred(existing, candidate)));
		if (!byLowerCase.containsKey(NexiosSecurityProperties.DEFAULT_BEARER_SCHEME.toLowerCase(Locale.ROOT))) {
			schemes.add(NexiosSecurityProperties.DEFAULT_BEARER_SCHEME, new SecurityScheme()
				.type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				// RFC8725 spelled as the OWASP ruleset's owasp:api2:2023-jwt-best-practices looks for it
				.description("JWT bearer token in the Authorization header, validated following RFC8725"
						+ " (JSON Web Token Best Current Practices)"), "the default bearerAuth scheme");
		}
		byLowerCase.values().forEach((entry) -> {
			Scheme scheme = entry.getValue();
			if (scheme.isEnabled()) {
				schemes.add(entry.getKey(), toOpenApi(scheme), PREFIX + entry.getKey());
			}
		});
	}

	/**
	 * The name to keep of two spellings of one scheme: the one with upper-case letters, which cannot
	 * come from an environment variable.
	 */
	private static Map.Entry<String, Scheme> preferred(Map.Entry<String, Scheme> a, Map.Entry<String, Scheme> b) {
		boolean aLower = a.getKey().equals(a.getKey().toLowerCase(Locale.ROOT));
		return (aLower && !b.getKey().equals(b.getKey().toLowerCase(Locale.ROOT))) ? b : a;
	}

	/**
	 * Converts requirement alternatives as bound from properties.
	 * @param alternatives list of scheme-name-to-scopes maps
	 * @return the requirements, with scheme names spelled as in the registry where they differ only in
	 * case
	 */
	static List<SecurityRequirement> requirements(List<Map<String, List<String>>> alternatives,
			NexiosSecuritySchemes schemes) {
		Map<String, String> names = new LinkedHashMap<>();
		schemes.asMap().keySet().forEach((name) -> names.put(name.toLowerCase(Locale.ROOT), name));
		List<SecurityRequirement> result = new ArrayList<>();
		for (Map<String, List<String>> alternative : alternatives) {
			Map<String, List<String>> requirement = new LinkedHashMap<>();
			if (alternative != null) {
				alternative.forEach((name, scopes) -> requirement.put(
						names.getOrDefault(name.toLowerCase(Locale.ROOT), name),
						(scopes != null) ? scopes.stream().filter((scope) -> !scope.isBlank()).toList() : List.of()));
			}
			result.add(new SecurityRequirement(requirement));
		}
		return result;
	}

	private static SecurityScheme toOpenApi(Scheme scheme) {
		SecurityScheme result = new SecurityScheme().description(scheme.getDescription())
			.scheme(scheme.getScheme())
			.bearerFormat(scheme.getBearerFormat())
			.name(scheme.getName())
			.openIdConnectUrl(scheme.getOpenIdConnectUrl());
		if (scheme.getType() != null) {
			result.type(switch (scheme.getType()) {
				case HTTP -> SecurityScheme.Type.HTTP;
				case API_KEY -> SecurityScheme.Type.APIKEY;
				case OAUTH2 -> SecurityScheme.Type.OAUTH2;
				case OPEN_ID_CONNECT -> SecurityScheme.Type.OPENIDCONNECT;
			});
		}
		if (scheme.getIn() != null) {
			result.in(switch (scheme.getIn()) {
				case HEADER -> SecurityScheme.In.HEADER;
				case QUERY -> SecurityScheme.In.QUERY;
				case COOKIE -> SecurityScheme.In.COOKIE;
			});
		}
		NexiosSecurityProperties.Flows flows = scheme.getFlows();
		if (flows.getImplicit() != null || flows.getPassword() != null || flows.getClientCredentials() != null
				|| flows.getAuthorizationCode() != null) {
			result.flows(new OAuthFlows().implicit(toOpenApi(flows.getImplicit()))
				.password(toOpenApi(flows.getPassword()))
				.clientCredentials(toOpenApi(flows.getClientCredentials()))
				.authorizationCode(toOpenApi(flows.getAuthorizationCode())));
		}
		return result;
	}

	private static OAuthFlow toOpenApi(Flow flow) {
		if (flow == null) {
			return null;
		}
		Scopes scopes = new Scopes();
		scopes.putAll(flow.getScopes());
		return new OAuthFlow().authorizationUrl(flow.getAuthorizationUrl())
			.tokenUrl(flow.getTokenUrl())
			.refreshUrl(flow.getRefreshUrl())
			.scopes(scopes);
	}

}
