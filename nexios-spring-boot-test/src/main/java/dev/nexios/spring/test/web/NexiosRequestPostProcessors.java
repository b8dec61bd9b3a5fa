package dev.nexios.spring.test.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nexios.spring.autoconfigure.NexiosSecurityProperties;
import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.SecuritySchemeDefinition;
import dev.nexios.spring.model.SecuritySchemeType;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.StringUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc request post-processors that send a valid credential of a named security scheme, placed
 * where the scheme says (header, query parameter or cookie for an API key; the {@code Authorization}
 * header otherwise):
 *
 * <pre class="code">
 * mvc.perform(get("/documents").with(bearerToken("oauth2").scopes("read"))).andExpect(status().isOk());
 * mvc.perform(get("/admin/panel").with(apiKey("apiKeyAuth", "demo-admin-key"))).andExpect(status().isOk());
 * mvc.perform(get("/internal").with(httpBasic("basicAuth", "alice", "secret"))).andExpect(status().isOk());
 * </pre>
 *
 * Each reads the scheme from the application's security model and fails the test with an
 * {@link IllegalArgumentException} when the scheme is not declared or is not of the credential's kind,
 * so that a typo is not mistaken for a refused credential.
 */
public final class NexiosRequestPostProcessors {

	private NexiosRequestPostProcessors() {
	}

	/**
	 * A JWT signed by the test key ({@link NexiosTestTokens}), for an {@code http bearer},
	 * {@code oauth2} or {@code openIdConnect} scheme; the test needs
	 * {@link AutoConfigureNexiosTestTokens}. Subject {@code user} and no scopes unless set.
	 * @param scheme the scheme's name
	 * @return the post-processor, to refine with {@link BearerToken#subject} and {@link BearerToken#scopes}
	 */
	public static BearerToken bearerToken(String scheme) {
		return new BearerToken(scheme);
	}

	/**
	 * An API key of an {@code apiKey} scheme, in the scheme's header, query parameter or cookie.
	 * @param scheme the scheme's name
	 * @param key the plain key, one whose SHA-256 digest the scheme's {@code keys} list (or that an
	 * {@code ApiKeyAuthenticator} bean accepts)
	 * @return the post-processor
	 */
	public static RequestPostProcessor apiKey(String scheme, String key) {
		return (request) -> {
			SecuritySchemeDefinition definition = scheme(request, scheme);
			if (definition.type() != SecuritySchemeType.API_KEY || definition.in() == null
					|| definition.keyName() == null) {
				throw new IllegalArgumentException(
						"Security scheme '" + scheme + "' is not an apiKey scheme: it is " + describe(definition));
			}
			String name = definition.keyName();
			switch (definition.in()) {
				case HEADER -> request.addHeader(name, key);
				case QUERY -> {
					request.addParameter(name, key);
					String pair = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(key, StandardCharsets.UTF_8);
					String query = request.getQueryString();
					request.setQueryString(StringUtils.hasLength(query) ? query + "&" + pair : pair);
				}
				case COOKIE -> {
					List<Cookie> cookies = new ArrayList<>();
					if (request.getCookies() != null) {
						cookies.addAll(Arrays.asList(request.getCookies()));
					}
					cookies.add(new Cookie(name, key));
					request.setCookies(cookies.toArray(Cookie[]::new));
				}
			}
			return request;
		};
	}

	/**
	 * A user-id and password (RFC 7617, UTF-8) for an {@code http basic} scheme; the application's
	 * {@code UserDetailsService} checks them.
	 * @param scheme the scheme's name
	 * @param username the user-id
	 * @param password the password
	 * @return the post-processor
	 */
	public static RequestPostProcessor httpBasic(String scheme, String username, String password) {
		return (request) -> {
			SecuritySchemeDefinition definition = scheme(request, scheme);
			if (definition.type() != SecuritySchemeType.HTTP || !"basic".equals(definition.scheme())) {
				throw new IllegalArgumentException(
						"Security scheme '" + scheme + "' is not an http basic scheme: it is " + describe(definition));
			}
			String credentials = Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
			return request;
		};
	}

	private static SecuritySchemeDefinition scheme(MockHttpServletRequest request, String name) {
		WebApplicationContext context = WebApplicationContextUtils
			.getRequiredWebApplicationContext(request.getServletContext());
		NexiosSecurityModel model = context.getBeanProvider(NexiosSecurityModel.class).getIfAvailable();
		if (model == null) {
			throw new IllegalStateException("The application has no NexiosSecurityModel: is the starter's "
					+ "auto-configuration part of this test?");
		}
		SecuritySchemeDefinition definition = model.scheme(name);
		if (definition == null) {
			throw new IllegalArgumentException("Security scheme '" + name + "' is not declared (declared schemes: "
					+ String.join(", ", model.schemes().keySet()) + ")");
		}
		return definition;
	}

	private static String describe(SecuritySchemeDefinition definition) {
		return (definition.type() != null) ? definition.type().toString()
				+ ((definition.scheme() != null) ? " " + definition.scheme() : "") : "without a type";
	}

	/**
	 * A bearer token of a scheme: a JWT signed by the test key.
	 */
	public static final class BearerToken implements RequestPostProcessor {

		private final String scheme;

		private String subject = "user";

		private List<String> scopes = List.of();

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private BearerToken(String scheme) {
			this.scheme = scheme;
		}

		/**
		 * The caller, the token's {@code sub} claim.
		 * @param subject the subject
		 * @return this post-processor
		 */
		public BearerToken subject(String subject) {
			this.subject = subject;
			return this;
		}

		/**
		 * The granted scopes, the token's {@code scope} claim.
		 * @param scopes the scopes
		 * @return this post-processor
		 */
		public BearerToken scopes(String... scopes) {
			this.scopes = List.of(scopes);
			return this;
		}

		/**
		 * A further claim, e.g. {@code aud} when the application checks audiences.
		 * @param name the claim name
		 * @param value the claim value
		 * @return this post-processor
		 */
		public BearerToken claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			SecuritySchemeDefinition definition = scheme(request, this.scheme);
			if (!definition.usesBearerToken()) {
				throw new IllegalArgumentException("Security scheme '" + this.scheme + "' does not take bearer "
						+ "tokens: it is " + describe(definition));
			}
			String ownKeys = ownKeyMaterial(request, this.scheme);
			if (ownKeys != null) {
				throw new IllegalArgumentException("Security scheme '" + this.scheme + "' verifies tokens with "
						+ ownKeys + ", not with the application's JwtDecoder: it refuses test tokens");
			}
			if (WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
				.getBeanNamesForType(NexiosTestTokensConfiguration.class).length == 0) {
				throw new IllegalStateException("Test tokens are trusted only in tests annotated with "
						+ "@AutoConfigureNexiosTestTokens");
			}
			String token = NexiosTestTokens.jwt(this.subject, this.scopes, this.claims);
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		}

		/**
		 * The property of the scheme's own key material, or {@code null} when it has none.
		 */
		private static @Nullable String ownKeyMaterial(MockHttpServletRequest request, String name) {
			NexiosSecurityProperties properties = WebApplicationContextUtils
				.getRequiredWebApplicationContext(request.getServletContext())
				.getBeanProvider(NexiosSecurityProperties.class)
				.getIfAvailable();
			if (properties == null) {
				return null;
			}
			for (Map.Entry<String, NexiosSecurityProperties.Scheme> entry : properties.getSchemes().entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					String prefix = "nexios.security.schemes." + entry.getKey();
					NexiosSecurityProperties.Jwt jwt = entry.getValue().getJwt();
					if (StringUtils.hasText(jwt.getIssuerUri()) || StringUtils.hasText(jwt.getJwkSetUri())
							|| StringUtils.hasText(jwt.getPublicKeyLocation())) {
						return prefix + ".jwt.*";
					}
					if (StringUtils.hasText(entry.getValue().getOpaqueToken().getIntrospectionUri())) {
						return prefix + ".opaque-token.*";
					}
				}
			}
			return null;
		}

	}

}
