package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.CrossSiteRequests;
import dev.nexios.spring.core.ProtectedResourceMetadata;
import dev.nexios.spring.core.SchemeKeyMaterial;

import java.util.List;
import java.util.Map;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecurityRequirement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Configures an {@link HttpSecurity} as the Nexios chain: stateless, the {@link NexiosSecurityFilter}
 * deciding every dispatch before Spring Security's {@code AuthorizationFilter} carries the decision out
 * on every dispatch type (a dispatch the filter did not let through is denied), and every refusal
 * written as problem details with its challenges, also those of method security.
 */
public final class NexiosHttpSecurity {

	private static final String CORS_CONFIGURATION_SOURCE_BEAN_NAME = "corsConfigurationSource";

	private static final String CORS_FILTER_BEAN_NAME = "corsFilter";

	private NexiosHttpSecurity() {
	}

	/**
	 * The {@link HandlerMapping} that hands the {@code DispatcherServlet} the handler the chain's filter
	 * resolved and decided on for the current dispatch, with the attributes its own mapping set: registered as
	 * a bean, it is the dispatcher's first mapping, so that the handler mappings are asked once per dispatch
	 * and the dispatcher runs exactly the handler that was decided on. When the filter did not run for the
	 * request it returns {@code null} and the next mappings look the handler up themselves; a dispatch decided
	 * without a handler gets the filter's answer again (no handler found, or the lookup's exception), never a
	 * second lookup; a dispatch that the filter did not decide although it decided the request (a path or
	 * method changed by a later filter, a named dispatch) is refused.
	 * @return the mapping, of order {@link org.springframework.core.Ordered#HIGHEST_PRECEDENCE}
	 */
	public static HandlerMapping resolvedDispatchHandlerMapping() {
		return new ResolvedDispatchHandlerMapping();
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
	 * @param contextHolder the application's {@code SecurityContextHolderStrategy}
	 * @throws Exception from {@link HttpSecurity}
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public static void configure(HttpSecurity http, NexiosSecurityModel model, Map<String, SchemeKeyMaterial> keyMaterial,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, CrossSiteRequests crossSite,
			ApplicationContext context, SecurityContextHolderStrategy contextHolder) throws Exception {
		configure(http, model, keyMaterial, docsRequirements, swaggerUiPrefix, crossSite, context, contextHolder, null);
	}

	/**
	 * Configures the chain, serving the protected resource metadata (RFC 9728) when there is one: Spring
	 * Security's {@code OAuth2ProtectedResourceMetadataFilter} answers it before the
	 * {@link NexiosSecurityFilter} looks up a handler (it is public discovery metadata), and {@code 401}
	 * answers name it in their {@code Bearer} challenges.
	 * @param http the builder
	 * @param model the security model
	 * @param keyMaterial key material by scheme name
	 * @param docsRequirements requirements of springdoc's endpoints; empty for public documentation
	 * @param swaggerUiPrefix path prefix of Swagger UI's resources, e.g. {@code /swagger-ui/}
	 * @param crossSite the cross-site protection of browser-sent credentials
	 * @param context the application context
	 * @param contextHolder the application's {@code SecurityContextHolderStrategy}
	 * @param resourceMetadata the protected resource metadata, or {@code null} to serve none
	 * @throws Exception from {@link HttpSecurity}
	 * @throws IllegalStateException when a scheme's key material is unusable
	 */
	public static void configure(HttpSecurity http, NexiosSecurityModel model, Map<String, SchemeKeyMaterial> keyMaterial,
			List<SecurityRequirement> docsRequirements, String swaggerUiPrefix, CrossSiteRequests crossSite,
			ApplicationContext context, SecurityContextHolderStrategy contextHolder,
			@Nullable ProtectedResourceMetadata resourceMetadata) throws Exception {
		RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();
		repository.setSecurityContextHolderStrategy(contextHolder);
		NexiosSecurityFilter filter = new NexiosSecurityFilter(model, keyMaterial, docsRequirements, swaggerUiPrefix,
				crossSite, context, contextHolder, repository);
		NexiosProblemResponses problems = new NexiosProblemResponses(contextHolder, resourceMetadata);
		filter.setProblemResponses(problems);
		http.setSharedObject(RequestCache.class, new NullRequestCache());
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((securityContext) -> securityContext.securityContextRepository(repository))
			// stateless: no saved request, and no RequestCacheAwareFilter asking a null cache on every request
			.requestCache((cache) -> cache.disable())
			// stateless: no CSRF token; browser-sent credentials are refused on cross-site requests instead
			.csrf((csrf) -> csrf.disable())
			// the CORS configuration of the handler the filter resolved, unless the application has its own source
			.cors((cors) -> {
				if (!context.containsBeanDefinition(CORS_CONFIGURATION_SOURCE_BEAN_NAME)
						&& !context.containsBeanDefinition(CORS_FILTER_BEAN_NAME)) {
					cors.configurationSource(new ResolvedCorsConfigurationSource());
				}
			})
			.formLogin((formLogin) -> formLogin.disable())
			.httpBasic((httpBasic) -> httpBasic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			// before the CorsFilter, which reads the CORS configuration of the handler that the filter resolves
			.addFilterBefore(filter, CorsFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().access(new NexiosAuthorizationManager()));
		if (resourceMetadata != null) {
			http.addFilterBefore(ServletResourceMetadata.filter(resourceMetadata), NexiosSecurityFilter.class);
		}
	}

}
