package dev.nexios.spring.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.web.servlet.ApiKeySchemeAuthenticator.ConfiguredKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.util.StringUtils;

/**
 * Creates the {@link SchemeAuthenticator} of every declared scheme, once, at startup. This is the one
 * place that switches on the scheme type.
 *
 * <p>Key material of a bearer-token scheme, in order: {@code nexios.security.schemes.<name>.jwt.*}
 * (jwk-set-uri, public-key-location or issuer-uri), {@code .opaque-token.introspection-uri}, then the
 * application's {@link JwtDecoder} bean (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*})
 * or {@link OpaqueTokenIntrospector} bean. Without any, the scheme refuses every token and a warning is
 * logged at startup.
 */
final class SchemeAuthenticators {

	private static final Log logger = LogFactory.getLog(SchemeAuthenticators.class);

	private final Map<String, SchemeKeyMaterial> properties;

	private final ListableBeanFactory beans;

	private final ResourceLoader resourceLoader;

	private final Function<String, String> environmentVariables;

	SchemeAuthenticators(Map<String, SchemeKeyMaterial> properties, ListableBeanFactory beans,
			ResourceLoader resourceLoader, Function<String, String> environmentVariables) {
		this.properties = properties;
		this.beans = beans;
		this.resourceLoader = resourceLoader;
		this.environmentVariables = environmentVariables;
	}

	/**
	 * Creates an authenticator for each scheme of the model.
	 * @param model the security model
	 * @return authenticators by scheme name
	 * @throws IllegalStateException when the key material of a scheme is unusable; the message names
	 * the property at fault and never contains a secret
	 */
	Map<String, SchemeAuthenticator> create(NexiosSecurityModel model) {
		Map<String, SchemeAuthenticator> result = new LinkedHashMap<>();
		model.schemes().forEach((name, scheme) -> result.put(name, create(scheme)));
		return result;
	}

	SchemeAuthenticator create(SecuritySchemeDefinition scheme) {
		SchemeKeyMaterial settings = settings(scheme.name());
		return switch (scheme.type()) {
			case HTTP -> "basic".equals(scheme.scheme()) ? basic(scheme)
					: new BearerTokenSchemeAuthenticator(scheme.name(), bearerTokenProvider(scheme.name(), settings));
			case OAUTH2, OPEN_ID_CONNECT ->
				new BearerTokenSchemeAuthenticator(scheme.name(), bearerTokenProvider(scheme.name(), settings));
			case API_KEY -> apiKey(scheme, settings);
		};
	}

	private SchemeAuthenticator apiKey(SecuritySchemeDefinition scheme, SchemeKeyMaterial settings) {
		List<ApiKeySchemeAuthenticator.ConfiguredKey> keys = keys(scheme.name(), settings);
		List<ApiKeyAuthenticator> authenticators = this.beans.getBeanProvider(ApiKeyAuthenticator.class)
			.orderedStream()
			.toList();
		if (keys.isEmpty() && authenticators.isEmpty()) {
			logger.warn("Security scheme '" + scheme.name() + "' (apiKey) has no keys: set "
					+ "nexios.security.schemes." + scheme.name() + ".keys or declare an ApiKeyAuthenticator bean; "
					+ "every key is refused");
		}
		return new ApiKeySchemeAuthenticator(scheme.name(), scheme.in(), scheme.keyName(), keys, authenticators);
	}

	private SchemeKeyMaterial settings(String name) {
		SchemeKeyMaterial settings = this.properties.get(name);
		if (settings == null) {
			for (Map.Entry<String, SchemeKeyMaterial> entry : this.properties.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return entry.getValue();
				}
			}
		}
		return settings;
	}

	private SchemeAuthenticator basic(SecuritySchemeDefinition scheme) {
		UserDetailsService users = this.beans.getBeanProvider(UserDetailsService.class).getIfUnique();
		if (users == null) {
			logger.warn("Security scheme '" + scheme.name() + "' (http basic) has no UserDetailsService bean to "
					+ "check passwords against: every basic credential is refused");
			return new BasicSchemeAuthenticator(scheme.name(), null);
		}
		PasswordEncoder encoder = this.beans.getBeanProvider(PasswordEncoder.class)
			.getIfUnique(PasswordEncoderFactories::createDelegatingPasswordEncoder);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new BasicSchemeAuthenticator(scheme.name(), provider);
	}

	private AuthenticationProvider bearerTokenProvider(String name, SchemeKeyMaterial settings) {
		String prefix = "nexios.security.schemes." + name;
		if (settings != null) {
			SchemeKeyMaterial.Jwt jwt = settings.jwt();
			if (StringUtils.hasText(jwt.jwkSetUri()) || StringUtils.hasText(jwt.publicKeyLocation())
					|| StringUtils.hasText(jwt.issuerUri())) {
				logger.info("Security scheme '" + name + "' verifies JWTs with " + prefix + ".jwt.*");
				return jwtProvider(jwtDecoder(prefix + ".jwt", jwt));
			}
			SchemeKeyMaterial.OpaqueToken opaque = settings.opaqueToken();
			if (StringUtils.hasText(opaque.introspectionUri())) {
				logger.info("Security scheme '" + name + "' introspects tokens (RFC 7662) with " + prefix + ".opaque-token.*");
				return new OpaqueTokenAuthenticationProvider(SpringOpaqueTokenIntrospector
					.withIntrospectionUri(opaque.introspectionUri())
					.clientId(opaque.clientId())
					.clientSecret(opaque.clientSecret())
					.build());
			}
		}
		JwtDecoder decoder = this.beans.getBeanProvider(JwtDecoder.class).getIfUnique();
		if (decoder != null) {
			logger.info("Security scheme '" + name + "' verifies JWTs with the application's JwtDecoder");
			return jwtProvider(decoder);
		}
		OpaqueTokenIntrospector introspector = this.beans.getBeanProvider(OpaqueTokenIntrospector.class).getIfUnique();
		if (introspector != null) {
			logger.info("Security scheme '" + name + "' introspects tokens with the application's "
					+ "OpaqueTokenIntrospector");
			return new OpaqueTokenAuthenticationProvider(introspector);
		}
		logger.warn("Security scheme '" + name + "' takes bearer tokens but has no key material: set " + prefix
				+ ".jwt.* or spring.security.oauth2.resourceserver.jwt.*; every token is refused");
		return null;
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

	private JwtDecoder jwtDecoder(String prefix, SchemeKeyMaterial.Jwt jwt) {
		List<SignatureAlgorithm> algorithms = new ArrayList<>();
		for (String name : jwt.jwsAlgorithms()) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
			if (algorithm == null) {
				throw new IllegalStateException(prefix + ".jws-algorithms: '" + name + "' is not a supported JWS "
						+ "algorithm (RFC 7518 §3.1), e.g. RS256, ES256, PS256");
			}
			algorithms.add(algorithm);
		}
		if (algorithms.isEmpty()) {
			algorithms.add(SignatureAlgorithm.RS256);
		}
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (StringUtils.hasText(jwt.issuerUri())) {
			validators.add(new JwtIssuerValidator(jwt.issuerUri()));
		}
		List<String> audiences = List.copyOf(jwt.audiences());
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD,
					(aud) -> (aud instanceof Collection<?> values) ? values.stream().anyMatch(audiences::contains)
							: audiences.contains(aud)));
		}
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
		if (StringUtils.hasText(jwt.jwkSetUri())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri())
				.jwsAlgorithms((set) -> set.addAll(algorithms))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		if (StringUtils.hasText(jwt.publicKeyLocation())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(prefix, jwt.publicKeyLocation()))
				.signatureAlgorithm(algorithms.get(0))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		String issuer = jwt.issuerUri();
		// discovery (OpenID Connect Discovery / RFC 8414) on first use, as Spring Boot does
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
				.jwsAlgorithms((set) -> set.addAll(algorithms))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	private RSAPublicKey publicKey(String prefix, String location) {
		Resource resource = this.resourceLoader.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException(prefix + ".public-key-location: cannot read an RSA public key (PEM, "
					+ "X.509 SubjectPublicKeyInfo) from '" + location + "'", ex);
		}
	}

	private List<ConfiguredKey> keys(String name, SchemeKeyMaterial settings) {
		List<ConfiguredKey> keys = new ArrayList<>();
		if (settings == null) {
			return keys;
		}
		List<SchemeKeyMaterial.ApiKey> configured = settings.keys();
		for (int i = 0; i < configured.size(); i++) {
			SchemeKeyMaterial.ApiKey key = configured.get(i);
			String where = "nexios.security.schemes." + name + ".keys[" + i + "]";
			if (!StringUtils.hasText(key.principal())) {
				throw new IllegalStateException(where + ".principal is missing: the name the key authenticates");
			}
			int sources = (StringUtils.hasText(key.sha256()) ? 1 : 0) + (StringUtils.hasText(key.valueFromEnv()) ? 1 : 0)
					+ (StringUtils.hasText(key.valueFromFile()) ? 1 : 0);
			if (sources != 1) {
				throw new IllegalStateException(where + ": set exactly one of sha256, value-from-env, value-from-file");
			}
			byte[] digest;
			if (StringUtils.hasText(key.sha256())) {
				digest = parseDigest(where, key.sha256().trim());
			}
			else {
				String plain = StringUtils.hasText(key.valueFromEnv()) ? fromEnvironment(where, key.valueFromEnv())
						: fromFile(where, key.valueFromFile());
				if (!ApiKeySchemeAuthenticator.isWellFormed(plain)) {
					throw new IllegalStateException(where + ": the key must be 1 to "
							+ ApiKeySchemeAuthenticator.MAX_KEY_LENGTH + " printable US-ASCII characters");
				}
				digest = ApiKeySchemeAuthenticator.sha256(plain.getBytes(StandardCharsets.US_ASCII));
			}
			keys.add(new ConfiguredKey(digest, key.principal(), new LinkedHashSet<>(key.scopes())));
		}
		return keys;
	}

	private String fromEnvironment(String where, String variable) {
		String value = this.environmentVariables.apply(variable);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(where + ".value-from-env: environment variable '" + variable
					+ "' is not set");
		}
		return value.trim();
	}

	private String fromFile(String where, String location) {
		Resource resource = this.resourceLoader.getResource(location.contains(":") ? location : "file:" + location);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException(where + ".value-from-file: cannot read '" + location + "'");
		}
	}

	/**
	 * Reads a SHA-256 digest: 64 hexadecimal digits, or Base64 (standard or URL-safe, padding optional).
	 */
	static byte[] parseDigest(String where, String value) {
		byte[] digest = null;
		if (value.length() == 64) {
			try {
				digest = HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				digest = null;
			}
		}
		if (digest == null) {
			try {
				String standard = value.replace('-', '+').replace('_', '/');
				digest = Base64.getDecoder().decode(standard);
			}
			catch (IllegalArgumentException ex) {
				digest = null;
			}
		}
		if (digest == null || digest.length != 32) {
			throw new IllegalStateException(where + ".sha256 is not a SHA-256 digest: give 64 hexadecimal "
					+ "digits or the Base64 of the 32 digest bytes");
		}
		return digest;
	}

}
