package dev.nexios.spring.test.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The configuration that {@link AutoConfigureNexiosTestTokens} imports.
 */
@Configuration(proxyBeanMethods = false)
public class NexiosTestTokensConfiguration {

	/** The name of the test key's decoder bean. */
	public static final String DECODER_BEAN_NAME = "nexiosTestTokenDecoder";

	/**
	 * Creates the configuration.
	 */
	public NexiosTestTokensConfiguration() {
	}

	/**
	 * The decoder of {@link NexiosTestTokens}, primary so that the starter picks it over the
	 * application's own {@code JwtDecoder}.
	 * @return the decoder
	 */
	@Bean(DECODER_BEAN_NAME)
	@Primary
	public JwtDecoder nexiosTestTokenDecoder() {
		return NexiosTestTokens.jwtDecoder();
	}

}
