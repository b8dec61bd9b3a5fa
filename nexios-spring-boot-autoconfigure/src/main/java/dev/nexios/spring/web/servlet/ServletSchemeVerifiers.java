package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.JwtVerification;
import dev.nexios.spring.core.SchemeKeyMaterial;
import dev.nexios.spring.core.SchemeVerifierFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.util.ClassUtils;

/**
 * The servlet stack's verifiers: Spring Security's {@link AuthenticationProvider}s, with the
 * application's {@link JwtDecoder}, {@link OpaqueTokenIntrospector}, {@link UserDetailsService} and
 * {@link PasswordEncoder} beans, or decoders built as Spring Boot builds its own
 * ({@code JwtDecoderConfiguration}): the application's {@code JwkSetUriJwtDecoderBuilderCustomizer}
 * beans customize the JWK Set URI and issuer builders.
 */
final class ServletSchemeVerifiers implements SchemeVerifierFactory<AuthenticationProvider> {

	private static final String BOOT_CUSTOMIZER = "org.springframework.boot.security.oauth2.server.resource."
			+ "autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer";

	private final ListableBeanFactory beans;

	ServletSchemeVerifiers(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public AuthenticationProvider jwt(String schemeName, JwtVerification jwt) {
		return jwtProvider(jwtDecoder(jwt));
	}

	@Override
	public AuthenticationProvider introspection(String schemeName, SchemeKeyMaterial.OpaqueToken opaque) {
		return new OpaqueTokenAuthenticationProvider(SpringOpaqueTokenIntrospector
			.withIntrospectionUri(opaque.introspectionUri())
			.clientId(opaque.clientId())
			.clientSecret(opaque.clientSecret())
			.build());
	}

	@Override
	public AuthenticationProvider applicationJwtDecoder(String schemeName, boolean expirationTimeRequired) {
		JwtDecoder decoder = this.beans.getBeanProvider(JwtDecoder.class).getIfUnique();
		if (decoder == null) {
			return null;
		}
		return jwtProvider(expirationTimeRequired
				? (token) -> JwtVerification.requireExpirationTime(decoder.decode(token)) : decoder);
	}

	@Override
	public AuthenticationProvider applicationIntrospector(String schemeName) {
		OpaqueTokenIntrospector introspector = this.beans.getBeanProvider(OpaqueTokenIntrospector.class).getIfUnique();
		return (introspector != null) ? new OpaqueTokenAuthenticationProvider(introspector) : null;
	}

	@Override
	public AuthenticationProvider userDetails(String schemeName) {
		UserDetailsService users = this.beans.getBeanProvider(UserDetailsService.class).getIfUnique();
		if (users == null) {
			return null;
		}
		PasswordEncoder encoder = this.beans.getBeanProvider(PasswordEncoder.class)
			.getIfUnique(PasswordEncoderFactories::createDelegatingPasswordEncoder);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return provider;
	}

	@Override
	public AuthenticationProvider apiKey(String schemeName, AuthenticationProvider keys) {
		return keys;
	}

	private AuthenticationProvider jwtProvider(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		JwtAuthenticationConverter converter = this.beans.getBeanProvider(JwtAuthenticationConverter.class)
			.getIfUnique();
		if (converter != null) {
			provider.setJwtAuthenticationConverter(converter);
		}
		return provider;
	}

	private JwtDecoder jwtDecoder(JwtVerification jwt) {
		if (jwt.jwkSetUri() != null) {
			NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri())
				.jwsAlgorithms((set) -> set.addAll(jwt.algorithms()));
			customize(builder);
			NimbusJwtDecoder decoder = builder.build();
			decoder.setJwtValidator(jwt.validator());
			return decoder;
		}
		if (jwt.publicKey() != null) {
			// one RSA key serves every RS* and PS* algorithm listed; the key selector checks the header's alg
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(jwt.publicKey())
				.validateType(false)
				.jwtProcessorCustomizer((processor) -> processor.setJWSKeySelector(jwt.publicKeySelector()))
				.build();
			decoder.setJwtValidator(jwt.validator());
			return decoder;
		}
		// discovery (OpenID Connect Discovery / RFC 8414) on first use, as Spring Boot does
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri())
				.jwsAlgorithms((set) -> set.addAll(jwt.algorithms()));
			customize(builder);
			NimbusJwtDecoder decoder = builder.build();
			decoder.setJwtValidator(jwt.validator());
			return decoder;
		});
	}

	private void customize(NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder) {
		if (ClassUtils.isPresent(BOOT_CUSTOMIZER, ServletSchemeVerifiers.class.getClassLoader())) {
			BootCustomizers.customize(this.beans, builder);
		}
	}

	/**
	 * Spring Boot's {@code JwkSetUriJwtDecoderBuilderCustomizer} beans, in a class of its own so that
	 * the type is only loaded when Spring Boot's resource-server module is present.
	 */
	private static final class BootCustomizers {

		static void customize(ListableBeanFactory beans, NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder) {
			beans.getBeanProvider(JwkSetUriJwtDecoderBuilderCustomizer.class)
				.orderedStream()
				.forEach((customizer) -> customizer.customize(builder));
		}

	}

}
