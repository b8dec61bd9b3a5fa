package dev.nexios.spring.benchmarks.e2e;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Variants {@code H} and {@code HP}: the rules of the generated endpoints written by hand with Spring
 * Security, as an application without Nexios does: {@code authorizeHttpRequests} with request matchers,
 * {@code oauth2ResourceServer(jwt)} with the benchmark's RSA public key, and {@link ApiKeyFilter}.
 * Stateless, no CSRF token, no request cache, as the Nexios chain. A bearer token grants the authority
 * {@value #BEARER_AUTHORITY}, an API key {@value ApiKeyFilter#AUTHORITY}; an endpoint of either scheme
 * requires that authority, so a token does not open an API key endpoint nor the reverse.
 * <p>
 * {@code bench.hand-written-rules=endpoint} ({@code H}): one matcher per endpoint, in the order of the
 * endpoints, then {@code anyRequest().denyAll()}: the same rules, one by one, as the Nexios model holds
 * them. {@code prefix} ({@code HP}): one matcher per first path segment ({@code /public/**},
 * {@code /jwt/**}, {@code /apikey/**}), what a hand-written application would rather do when its paths
 * allow it.
 */
@Configuration(proxyBeanMethods = false)
class HandWrittenSecurity {

	static final String BEARER_AUTHORITY = "BEARER";

	@Bean
	SecurityFilterChain handWrittenSecurityFilterChain(HttpSecurity http, EndToEndApplication.Settings settings,
			@Value("${bench.hand-written-rules:endpoint}") String rules) throws Exception {
		boolean perEndpoint = switch (rules) {
			case "endpoint" -> true;
			case "prefix" -> false;
			default -> throw new IllegalArgumentException("bench.hand-written-rules: endpoint or prefix, not " + rules);
		};
		JwtAuthenticationConverter bearer = new JwtAuthenticationConverter();
		List<SimpleGrantedAuthority> bearerAuthorities = List.of(new SimpleGrantedAuthority(BEARER_AUTHORITY));
		bearer.setJwtGrantedAuthoritiesConverter((jwt) -> List.copyOf(bearerAuthorities));
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.formLogin((formLogin) -> formLogin.disable())
			.httpBasic((httpBasic) -> httpBasic.disable())
			.logout((logout) -> logout.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder(settings)).jwtAuthenticationConverter(bearer)))
			.addFilterBefore(new ApiKeyFilter(BenchmarkKeys.API_KEY_HEADER, BenchmarkKeys.apiKeySha256()),
					BearerTokenAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> {
				if (perEndpoint) {
					for (Endpoints.Endpoint endpoint : settings.endpoints()) {
						rule(requests.requestMatchers(HttpMethod.GET, endpoint.path()), endpoint.access());
					}
				}
				else {
					for (Endpoints.Access access : Endpoints.Access.values()) {
						rule(requests.requestMatchers(HttpMethod.GET, "/" + access.segment() + "/**"), access);
					}
				}
				requests.anyRequest().denyAll();
			});
		return http.build();
	}

	private static void rule(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, Endpoints.Access access) {
		switch (access) {
			case PUBLIC -> url.permitAll();
			case BEARER -> url.hasAuthority(BEARER_AUTHORITY);
			case API_KEY -> url.hasAuthority(ApiKeyFilter.AUTHORITY);
		}
	}

	private static JwtDecoder jwtDecoder(EndToEndApplication.Settings settings) {
		return NimbusJwtDecoder.withPublicKey(BenchmarkKeys.publicKey(settings.keys())).build();
	}

}
