package dev.nexios.spring.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JWSAlgorithm;
import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.util.StringUtils;

/**
 * Creates the {@link SchemeAuthenticator} of every declared scheme, once, at startup, with its verifier
 * built by a stack's {@link SchemeVerifierFactory}. This is the one place that switches on the scheme
 * type and that decides which key material a scheme uses.
 *
 * <p>Key material of a bearer-token scheme, in order: {@code nexios.security.schemes.<name>.jwt.*}
 * (jwk-set-uri, public-key-location or issuer-uri), {@code .opaque-token.introspection-uri}, then the
 * application's JWT decoder bean (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*})
 * or opaque-token introspector bean. Without any, the scheme refuses every token and a warning is
 * logged at startup.
 */
public final class SchemeAuthenticators {

	private static final Log logger = LogFactory.getLog(SchemeAuthenticators.class);

	private final Map<String, SchemeKeyMaterial> properties;

	private final ListableBeanFactory beans;

	private final ResourceLoader resourceLoader;

	private final Function<String, String> environmentVariables;

	/**
	 * Creates the factory.
	 * @param properties key material by scheme name
	 * @param beans the application's beans ({@link ApiKeyAuthenticator}, {@code OAuth2TokenValidator<Jwt>})
	 * @param resourceLoader loads public keys and key files
	 * @param environmentVariables reads environment variables ({@code value-from-env})
	 */
	public SchemeAuthenticators(Map<String, SchemeKeyMaterial> properties, ListableBeanFactory beans,
			ResourceLoader resourceLoader, Function<String, String> environmentVariables) {
		this.properties = properties;
		this.beans = beans;
		this.resourceLoader = resourceLoader;
		this.environmentVariables = environmentVariables;
	}

	/**
	 * Creates an authenticator and a verifier for each scheme of the model.
	 * @param <V> the stack's verifier type
	 * @param model the security model
	 * @param verifiers builds the verifiers of the stack
	 * @return authenticators and verifiers by scheme name
	 * @throws IllegalStateException when the key material of a scheme is unusable; the message names
	 * the property at fault and never contains a secret
	 */
	public <V> Schemes<V> create(NexiosSecurityModel model, SchemeVerifierFactory<V> verifiers) {
		List<String> problems = new ArrayList<>();
		model.schemes().values().forEach((scheme) -> problems.addAll(problems(scheme)));
		if (!problems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(problems, model.schemes().keySet());
		}
		Map<String, SchemeAuthenticator> authenticators = new LinkedHashMap<>();
		Map<String, V> verifierByName = new LinkedHashMap<>();
		model.schemes().forEach((name, scheme) -> {
			Scheme<V> created = create(scheme, verifiers);
			authenticators.put(name, created.authenticator());
			if (created.verifier() != null) {
				verifierByName.put(name, created.verifier());
			}
		});
		return new Schemes<>(Collections.unmodifiableMap(authenticators), Collections.unmodifiableMap(verifierByName));
	}

	/**
	 * Creates the authenticator and verifier of one scheme.
	 * @param <V> the stack's verifier type
	 * @param scheme the scheme
	 * @param verifiers builds the verifiers of the stack
	 * @return the scheme's authenticator and verifier
	 */
	public <V> Scheme<V> create(SecuritySchemeDefinition scheme, SchemeVerifierFactory<V> verifiers) {
		List<String> problems = problems(scheme);
		if (!problems.isEmpty()) {
			throw new InvalidSecurityDeclarationException(problems, List.of(scheme.name()));
		}
		SchemeKeyMaterial settings = settings(scheme.name());
		return switch (scheme.type()) {
			case HTTP -> "basic".equals(scheme.scheme()) ? basic(scheme, verifiers)
					: new Scheme<>(new BearerTokenSchemeAuthenticator(scheme.name()),
							bearerTokenVerifier(scheme.name(), settings, verifiers));
			case OAUTH2, OPEN_ID_CONNECT -> new Scheme<>(new BearerTokenSchemeAuthenticator(scheme.name()),
					bearerTokenVerifier(scheme.name(), settings, verifiers));
			case API_KEY -> apiKey(scheme, settings, verifiers);
		};
	}

	private <V> Scheme<V> apiKey(SecuritySchemeDefinition scheme, SchemeKeyMaterial settings,
			SchemeVerifierFactory<V> verifiers) {
		List<ApiKeySchemeAuthenticator.ConfiguredKey> keys = keys(scheme.name(), settings);
		List<ApiKeyAuthenticator> authenticators = this.beans.getBeanProvider(ApiKeyAuthenticator.class)
			.orderedStream()
			.toList();
		if (keys.isEmpty() && authenticators.isEmpty()) {
			logger.warn("Security scheme '" + scheme.name() + "' (apiKey) has no keys: set "
					+ "nexios.security.schemes." + scheme.name() + ".keys or declare an ApiKeyAuthenticator bean; "
					+ "every key is refused");
		}
		ApiKeySchemeAuthenticator authenticator = new ApiKeySchemeAuthenticator(scheme.name(), scheme.in(),
				scheme.keyName(), keys, authenticators);
		return new Scheme<>(authenticator, verifiers.apiKey(scheme.name(), authenticator.verifier()));
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

	private <V> Scheme<V> basic(SecuritySchemeDefinition scheme, SchemeVerifierFactory<V> verifiers) {
		V verifier = verifiers.userDetails(scheme.name());
		if (verifier == null) {
			logger.warn("Security scheme '" + scheme.name() + "' (http basic) has no user details service bean to "
					+ "check passwords against: every basic credential is refused");
		}
		return new Scheme<>(new BasicSchemeAuthenticator(scheme.name()), verifier);
	}

	private <V> V bearerTokenVerifier(String name, SchemeKeyMaterial settings, SchemeVerifierFactory<V> verifiers) {
		String prefix = "nexios.security.schemes." + name;
		SchemeKeyMaterial.Jwt jwt = (settings != null) ? settings.jwt() : SchemeKeyMaterial.NONE.jwt();
		if (settings != null) {
			if (hasOwnJwtKeys(jwt)) {
				logger.info("Security scheme '" + name + "' verifies JWTs with " + prefix + ".jwt.*");
				if (!StringUtils.hasText(jwt.issuerUri()) && jwt.audiences().isEmpty()) {
					logger.warn("Security scheme '" + name + "' checks neither the issuer nor the audience of its "
							+ "tokens: any token signed with its key is accepted, including tokens issued for other "
							+ "services; set " + prefix + ".jwt.issuer-uri or " + prefix + ".jwt.audiences");
				}
				return verifiers.jwt(name, jwtVerification(prefix + ".jwt", jwt));
			}
			SchemeKeyMaterial.OpaqueToken opaque = settings.opaqueToken();
			if (StringUtils.hasText(opaque.introspectionUri())) {
				logger.info("Security scheme '" + name + "' introspects tokens (RFC 7662) with " + prefix + ".opaque-token.*");
				return verifiers.introspection(name, opaque);
			}
		}
		V decoder = verifiers.applicationJwtDecoder(name, jwt.expirationTimeRequired());
		if (decoder != null) {
			logger.info("Security scheme '" + name + "' verifies JWTs with the application's JWT decoder");
			return decoder;
		}
		V introspector = verifiers.applicationIntrospector(name);
		if (introspector != null) {
			logger.info("Security scheme '" + name + "' introspects tokens with the application's "
					+ "opaque-token introspector");
			return introspector;
		}
		logger.warn("Security scheme '" + name + "' takes bearer tokens but has no key material: set " + prefix
				+ ".jwt.* or spring.security.oauth2.resourceserver.jwt.*; every token is refused");
		return null;
	}

	private static boolean hasOwnJwtKeys(SchemeKeyMaterial.Jwt jwt) {
		return StringUtils.hasText(jwt.jwkSetUri()) || StringUtils.hasText(jwt.publicKeyLocation())
				|| StringUtils.hasText(jwt.issuerUri());
	}

	/**
	 * The settings of a scheme that cannot take effect, each naming its property; empty when there are
	 * none. A setting that would be silently ignored stops the application instead.
	 * @param scheme the scheme
	 * @return the problems
	 */
	public List<String> problems(SecuritySchemeDefinition scheme) {
		List<String> problems = new ArrayList<>();
		SchemeKeyMaterial settings = settings(scheme.name());
		if (settings == null) {
			return problems;
		}
		String prefix = "nexios.security.schemes." + scheme.name();
		SchemeKeyMaterial.Jwt jwt = settings.jwt();
		SchemeKeyMaterial.OpaqueToken opaque = settings.opaqueToken();
		List<String> jwtSettings = jwtSettings(prefix + ".jwt", jwt);
		List<String> opaqueSettings = new ArrayList<>();
		if (StringUtils.hasText(opaque.introspectionUri())) {
			opaqueSettings.add(prefix + ".opaque-token.introspection-uri");
		}
		if (StringUtils.hasText(opaque.clientId())) {
			opaqueSettings.add(prefix + ".opaque-token.client-id");
		}
		if (StringUtils.hasText(opaque.clientSecret())) {
			opaqueSettings.add(prefix + ".opaque-token.client-secret");
		}
		boolean bearer = scheme.type() != dev.nexios.spring.model.SecuritySchemeType.API_KEY
				&& !(scheme.type() == dev.nexios.spring.model.SecuritySchemeType.HTTP && "basic".equals(scheme.scheme()));
		if (!bearer) {
			for (String property : concat(jwtSettings, opaqueSettings)) {
				problems.add(property + " cannot take effect: only bearer-token schemes (http bearer, oauth2, "
						+ "openIdConnect) verify tokens");
			}
			if (scheme.type() != dev.nexios.spring.model.SecuritySchemeType.API_KEY && !settings.keys().isEmpty()) {
				problems.add(prefix + ".keys cannot take effect: only apiKey schemes take keys");
			}
			return problems;
		}
		if (!settings.keys().isEmpty()) {
			problems.add(prefix + ".keys cannot take effect: only apiKey schemes take keys");
		}
		if (hasOwnJwtKeys(jwt)) {
			if (StringUtils.hasText(jwt.jwkSetUri()) && StringUtils.hasText(jwt.publicKeyLocation())) {
				problems.add(prefix + ".jwt.public-key-location cannot take effect together with " + prefix
						+ ".jwt.jwk-set-uri: set one source of signing keys");
			}
			for (String property : opaqueSettings) {
				problems.add(property + " cannot take effect: the scheme verifies JWTs with " + prefix
						+ ".jwt.*; set either the JWT key material or the introspection endpoint");
			}
			problems.addAll(algorithmProblems(prefix + ".jwt", jwt));
		}
		else {
			String verifier = StringUtils.hasText(opaque.introspectionUri())
					? "introspects tokens with " + prefix + ".opaque-token.introspection-uri"
					: "verifies tokens with the application's JwtDecoder or OpaqueTokenIntrospector bean "
							+ "(spring.security.oauth2.resourceserver.*)";
			for (String property : jwtSettings) {
				if (!property.endsWith(".require-expiration-time")) {
					problems.add(property + " cannot take effect: the scheme has no JWT key material of its own ("
							+ prefix + ".jwt.issuer-uri, .jwk-set-uri or .public-key-location) and " + verifier);
				}
			}
			if (!StringUtils.hasText(opaque.introspectionUri())) {
				for (String property : opaqueSettings) {
					problems.add(property + " cannot take effect without " + prefix + ".opaque-token.introspection-uri");
				}
			}
		}
		return problems;
	}

	/**
	 * The JWT settings of a scheme that are set, by property path; key material excluded.
	 */
	private static List<String> jwtSettings(String prefix, SchemeKeyMaterial.Jwt jwt) {
		List<String> set = new ArrayList<>();
		if (StringUtils.hasText(jwt.issuerUri())) {
			set.add(prefix + ".issuer-uri");
		}
		if (StringUtils.hasText(jwt.jwkSetUri())) {
			set.add(prefix + ".jwk-set-uri");
		}
		if (StringUtils.hasText(jwt.publicKeyLocation())) {
			set.add(prefix + ".public-key-location");
		}
		if (!jwt.audiences().isEmpty()) {
			set.add(prefix + ".audiences");
		}
		if (!jwt.jwsAlgorithms().isEmpty()) {
			set.add(prefix + ".jws-algorithms");
		}
		if (!jwt.tokenTypes().isEmpty()) {
			set.add(prefix + ".token-types");
		}
		if (jwt.requireTokenType() != null) {
			set.add(prefix + ".require-token-type");
		}
		if (jwt.requireExpirationTime() != null) {
			set.add(prefix + ".require-expiration-time");
		}
		return set;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * Unknown algorithms, and algorithms that an RSA public key cannot verify.
	 */
	private static List<String> algorithmProblems(String prefix, SchemeKeyMaterial.Jwt jwt) {
		List<String> problems = new ArrayList<>();
		for (String name : jwt.jwsAlgorithms()) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
			if (algorithm == null) {
				problems.add(prefix + ".jws-algorithms: '" + name + "' is not a supported JWS algorithm "
						+ "(RFC 7518 §3.1), e.g. RS256, ES256, PS256");
			}
			else if (StringUtils.hasText(jwt.publicKeyLocation())
					&& !JWSAlgorithm.Family.RSA.contains(JWSAlgorithm.parse(algorithm.getName()))) {
				problems.add(prefix + ".jws-algorithms: " + name + " cannot be verified with the RSA public key of "
						+ prefix + ".public-key-location; RS256, RS384, RS512, PS256, PS384 and PS512 can");
			}
		}
		return problems;
	}

	/**
	 * What a scheme's own JWT decoder is built from, checked and loaded once.
	 */
	private JwtVerification jwtVerification(String prefix, SchemeKeyMaterial.Jwt jwt) {
		List<String> problems = algorithmProblems(prefix, jwt);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(problems.get(0));
		}
		Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : jwt.jwsAlgorithms()) {
			algorithms.add(SignatureAlgorithm.from(name));
		}
		if (algorithms.isEmpty()) {
			algorithms.add(SignatureAlgorithm.RS256);
		}
		RSAPublicKey publicKey = (!StringUtils.hasText(jwt.jwkSetUri()) && StringUtils.hasText(jwt.publicKeyLocation()))
				? publicKey(prefix, jwt.publicKeyLocation()) : null;
		return new JwtVerification(Set.copyOf(algorithms), validator(jwt), StringUtils.hasText(jwt.jwkSetUri()) ? jwt.jwkSetUri() : null,
				publicKey, jwt.issuerUri());
	}

	/**
	 * The validators of a scheme's own decoder: {@code typ} (RFC 7515 §4.1.9, RFC 9068 §2.1), {@code exp}
	 * and {@code nbf} (60 s clock skew; {@code exp} required unless relaxed, RFC 9068 §2.2), issuer,
	 * audience, then the application's {@code OAuth2TokenValidator<Jwt>} beans except {@link JwtTypeValidator}
	 * beans (the starter's or the application's, meant for Spring Boot's decoder): the scheme's
	 * {@code token-types} decide {@code typ}.
	 */
	private OAuth2TokenValidator<Jwt> validator(SchemeKeyMaterial.Jwt jwt) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(SchemeKeyMaterial.Jwt.typeValidator(jwt.tokenTypes().isEmpty() ? SchemeKeyMaterial.Jwt.DEFAULT_TOKEN_TYPES
				: jwt.tokenTypes(), !Boolean.TRUE.equals(jwt.requireTokenType())));
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setAllowEmptyExpiryClaim(!jwt.expirationTimeRequired());
		validators.add(timestamps);
		if (StringUtils.hasText(jwt.issuerUri())) {
			validators.add(new JwtIssuerValidator(jwt.issuerUri()));
		}
		List<String> audiences = List.copyOf(jwt.audiences());
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD,
					(aud) -> (aud instanceof Collection<?> values) ? values.stream().anyMatch(audiences::contains)
							: audiences.contains(aud)));
		}
		this.beans.<OAuth2TokenValidator<Jwt>>getBeanProvider(
				ResolvableType.forClassWithGenerics(OAuth2TokenValidator.class, Jwt.class))
			.orderedStream()
			.filter((bean) -> !(bean instanceof JwtTypeValidator))
			.forEach(validators::add);
		return JwtValidators.createDefaultWithValidators(validators);
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

	private List<ApiKeySchemeAuthenticator.ConfiguredKey> keys(String name, SchemeKeyMaterial settings) {
		List<ApiKeySchemeAuthenticator.ConfiguredKey> keys = new ArrayList<>();
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
			keys.add(new ApiKeySchemeAuthenticator.ConfiguredKey(digest, key.principal(), new LinkedHashSet<>(key.scopes())));
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
	public static byte[] parseDigest(String where, String value) {
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

	/**
	 * The authenticators and verifiers of every scheme of a model.
	 *
	 * @param <V> the stack's verifier type
	 * @param authenticators authenticators by scheme name
	 * @param verifiers verifiers by scheme name; a scheme without one refuses every credential
	 */
	public record Schemes<V>(Map<String, SchemeAuthenticator> authenticators, Map<String, V> verifiers) {

	}

	/**
	 * The authenticator and verifier of one scheme.
	 *
	 * @param <V> the stack's verifier type
	 * @param authenticator the authenticator
	 * @param verifier the verifier, or {@code null} when there is no key material
	 */
	public record Scheme<V>(SchemeAuthenticator authenticator, V verifier) {

	}

}
