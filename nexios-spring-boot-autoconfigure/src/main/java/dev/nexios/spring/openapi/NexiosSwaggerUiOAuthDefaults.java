package dev.nexios.spring.openapi;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OAuthFlowType;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;

/**
 * Derives Swagger UI's OAuth settings from the declaration: when an {@code oauth2} scheme declares an
 * {@code authorizationCode} flow, Swagger UI uses PKCE (RFC 7636) for it, unless
 * {@code springdoc.swagger-ui.oauth.use-pkce-with-authorization-code-grant} is set. No other setting
 * is changed.
 */
public final class NexiosSwaggerUiOAuthDefaults {

	private NexiosSwaggerUiOAuthDefaults() {
	}

	/**
	 * Applies the defaults to springdoc's Swagger UI OAuth properties.
	 * @param model the resolved security declaration
	 * @param properties springdoc's bound {@code springdoc.swagger-ui.oauth.*} properties
	 */
	public static void apply(NexiosSecurityModel model, SwaggerUiOAuthProperties properties) {
		boolean authorizationCode = model.schemes()
			.values()
			.stream()
			.anyMatch((scheme) -> scheme.flows().containsKey(OAuthFlowType.AUTHORIZATION_CODE));
		if (authorizationCode && properties.getUsePkceWithAuthorizationCodeGrant() == null) {
			properties.setUsePkceWithAuthorizationCodeGrant(true);
		}
	}

}
