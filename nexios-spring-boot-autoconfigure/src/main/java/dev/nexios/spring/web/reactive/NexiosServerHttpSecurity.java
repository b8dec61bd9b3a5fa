package dev.nexios.spring.web.reactive;

import java.util.List;
import java.util.Map;

import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.Decision;
import dev.nexios.spring.core.ProtectedResourceMetadata;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Configures a {@link ServerHttpSecurity} as the Nexios chain of the reactive stack: stateless, the
 * {@link NexiosWebFilter} deciding every request before Spring Security's {@code AuthorizationWebFilter}
 * carries the decision out (a request the filter did not let through is denied), and every refusal
 * written as problem details with its challenges, also those of method security.
 */
public final class NexiosServerHttpSecurity {

	private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));

	private static final Mono<AuthorizationResult> DENIED = Mono.just(new AuthorizationDecision(false));

	private NexiosServerHttpSecurity() {
	}

	/**
	 * Configures the chain.
	 * @param http the builder
	 * @param model the security model
	 * @param keyMaterial key material by scheme name
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param crossSite the cross-site protection of browser-sent credentials
	 * @param context the application context
	 * @param codecs the codecs that write problem details; {@code null} for the defaults
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public static void configure(ServerHttpSecurity http, NexiosSecurityModel model,
			Map<String, SchemeKeyMaterial> keyMaterial, List<SecurityRequirement> docsRequirements,
			String swaggerUiPrefix, CrossSiteRequests crossSite, ApplicationContext context,
			ServerCodecConfigurer codecs) {
		configure(http, model, keyMaterial, docsRequirements, swaggerUiPrefix, crossSite, context, codecs, null);
	}

	/**
	 * Configures the chain, serving the protected resource metadata (RFC 9728) when there is one: a
	 * {@code WebFilter} answers it before the {@link NexiosWebFilter} looks up a handler (it is public
	 * discovery metadata), and {@code 401} answers name it in their {@code Bearer} challenges.
	 * @param http the builder
	 * @param model the security model
	 * @param keyMaterial key material by scheme name
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param crossSite the cross-site protection of browser-sent credentials
	 * @param context the application context
	 * @param codecs the codecs that write problem details and the metadata; {@code null} for the defaults
	 * @param resourceMetadata the protected resource metadata, or {@code null} to serve none
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public static void configure(ServerHttpSecurity http, NexiosSecurityModel model,
			Map<String, SchemeKeyMaterial> keyMaterial, List<SecurityRequirement> docsRequirements,
			String swaggerUiPrefix, CrossSiteRequests crossSite, ApplicationContext context,
			@Nullable ServerCodecConfigurer codecs, @Nullable ProtectedResourceMetadata resourceMetadata) {
		ReactiveProblemResponses problems = new ReactiveProblemResponses(codecs, resourceMetadata);
		NexiosWebFilter filter = NexiosWebFilter.create(model, keyMaterial, docsRequirements, swaggerUiPrefix,
				crossSite, context, problems);
		http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// stateless: no CSRF token; browser-sent credentials are refused on cross-site requests instead
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.cors(Customizer.withDefaults())
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.addFilterAt(filter, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> exchanges.anyExchange()
				.access((authentication, context2) -> (context2.getExchange()
					.getAttribute(Decision.ATTRIBUTE) instanceof Decision decision && decision.isAllowed()) ? GRANTED
							: DENIED));
		if (resourceMetadata != null) {
			http.addFilterBefore(new ReactiveResourceMetadata(resourceMetadata, problems.writers()),
					SecurityWebFiltersOrder.AUTHENTICATION);
		}
	}

}
