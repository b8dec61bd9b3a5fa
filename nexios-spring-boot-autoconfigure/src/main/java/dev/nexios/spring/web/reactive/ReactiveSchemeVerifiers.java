package dev.nexios.spring.web.reactive;

import dev.nexios.spring.core.JwtVerification;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.core.SchemeVerifierFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerAdapter;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringReactiveOpaqueTokenIntrospector;
import org.springframework.util.ClassUtils;

/**
 * The reactive stack's verifiers: Spring Security's {@link ReactiveAuthenticationManager}s, with the
 * application's {@link ReactiveJwtDecoder}, {@link ReactiveOpaqueTokenIntrospector},
 * {@link ReactiveUserDetailsService} and {@link PasswordEncoder} beans, or {@link NimbusReactiveJwtDecoder}s
 * built from a scheme's own key material with the same algorithms and validators as on the servlet
 * stack (and Spring Boot's {@code JwkSetUriReactiveJwtDecoderBuilderCustomizer} beans). API keys are
 * checked by the stack-neutral verifier off the event loop, since an {@code ApiKeyAuthenticator} may
 * block.
 */
final class ReactiveSchemeVerifiers implements SchemeVerifierFactory<ReactiveAuthenticationManager> {

	private static final String BOOT_CUSTOMIZER = "org.springframework.boot.security.oauth2.server.resource."
			+ "autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer";

	private final ListableBeanFactory beans;

	ReactiveSchemeVerifiers(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public ReactiveAuthenticationManager jwt(String schemeName, JwtVerification jwt) {
		return jwtManager(jwtDecoder(jwt));
	}

	@Override
	public ReactiveAuthenticationManager introspection(String schemeName, SchemeKeyMaterial.OpaqueToken opaque) {
		return new OpaqueTokenReactiveAuthenticationManager(SpringReactiveOpaqueTokenIntrospector
			.withIntrospectionUri(opaque.introspectionUri())
			.clientId(opaque.clientId())
			.clientSecret(opaque.clientSecret())
			.build());
	}

	@Override
	public ReactiveAuthenticationManager applicationJwtDecoder(String schemeName, boolean expirationTimeRequired) {
		ReactiveJwtDecoder decoder = this.beans.getBeanProvider(ReactiveJwtDecoder.class).getIfUnique();
		if (decoder == null) {
			return null;
		}
		return jwtManager(expirationTimeRequired
				? (token) -> decoder.decode(token).map(JwtVerification::requireExpirationTime) : decoder);
	}

	@Override
	public ReactiveAuthenticationManager applicationIntrospector(String schemeName) {
		ReactiveOpaqueTokenIntrospector introspector = this.beans.getBeanProvider(ReactiveOpaqueTokenIntrospector.class)
			.getIfUnique();
		return (introspector != null) ? new OpaqueTokenReactiveAuthenticationManager(introspector) : null;
	}

	@Override
	public ReactiveAuthenticationManager userDetails(String schemeName) {
		ReactiveUserDetailsService users = this.beans.getBeanProvider(ReactiveUserDetailsService.class).getIfUnique();
		if (users == null) {
			return null;
		}
		UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		manager.setPasswordEncoder(this.beans.getBeanProvider(PasswordEncoder.class)
			.getIfUnique(PasswordEncoderFactories::createDelegatingPasswordEncoder));
		return manager;
	}

	@Override
	public ReactiveAuthenticationManager apiKey(String schemeName, AuthenticationProvider keys) {
		// runs the (possibly blocking) key store on a bounded elastic scheduler
		return new ReactiveAuthenticationManagerAdapter(keys::authenticate);
	}

	private ReactiveAuthenticationManager jwtManager(ReactiveJwtDecoder decoder) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		JwtAuthenticationConverter converter = this.beans.getBeanProvider(JwtAuthenticationConverter.class)
			.getIfUnique();
		if (converter != null) {
			manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter));
		}
		return manager;
	}

	private ReactiveJwtDecoder jwtDecoder(JwtVerification jwt) {
		if (jwt.jwkSetUri() != null) {
			NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
				.withJwkSetUri(jwt.jwkSetUri())
				.jwsAlgorithms((set) -> set.addAll(jwt.algorithms()));
			customize(builder);
			NimbusReactiveJwtDecoder decoder = builder.build();
			decoder.setJwtValidator(jwt.validator());
			return decoder;
		}
		if (jwt.publicKey() != null) {
			// one RSA key serves every RS* and PS* algorithm listed, as on the servlet stack
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(jwt.publicKey())
				.validateType(false)
				.jwtProcessorCustomizer((processor) -> processor.setJWSKeySelector(jwt.publicKeySelector()))
				.build();
			decoder.setJwtValidator(jwt.validator());
			return decoder;
		}
		// discovery (OpenID Connect Discovery / RFC 8414) on first use, as Spring Boot does
		NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
			.withIssuerLocation(jwt.issuerUri())
			.jwsAlgorithms((set) -> set.addAll(jwt.algorithms()));
		customize(builder);
		NimbusReactiveJwtDecoder decoder = builder.build();
		decoder.setJwtValidator(jwt.validator());
		return decoder;
	}

	private void customize(NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder) {
		if (ClassUtils.isPresent(BOOT_CUSTOMIZER, ReactiveSchemeVerifiers.class.getClassLoader())) {
			BootCustomizers.customize(this.beans, builder);
		}
	}

	/**
	 * Spring Boot's {@code JwkSetUriReactiveJwtDecoderBuilderCustomizer} beans, in a class of its own so
	 * that the type is only loaded when Spring Boot's resource-server module is present.
	 */
	private static final class BootCustomizers {

		static void customize(ListableBeanFactory beans,
				NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder) {
			beans.getBeanProvider(JwkSetUriReactiveJwtDecoderBuilderCustomizer.class)
				.orderedStream()
				.forEach((customizer) -> customizer.customize(builder));
		}

	}

}
