package dev.nexios.spring.web.stacks;

import dev.nexios.spring.model.InvalidSecurityDeclarationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On WebFlux as on Spring MVC, key material that cannot take effect stops the application at startup,
 * naming the property and never echoing a secret.
 */
class ReactiveStartupFailureTests {

	@Test
	void settingThatCannotTakeEffectStopsTheReactiveApplication() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(ReactiveStackApplication.class)
			.web(WebApplicationType.REACTIVE)
			.properties("spring.config.name=stacks", "server.port=0",
					"nexios.security.schemes.apiKeyAuth.jwt.audiences=partner-api");
		assertThatExceptionOfType(Exception.class).isThrownBy(application::run)
			.havingRootCause()
			.isInstanceOf(InvalidSecurityDeclarationException.class)
			.withMessageContaining("nexios.security.schemes.apiKeyAuth.jwt.audiences cannot take effect");
	}

}
