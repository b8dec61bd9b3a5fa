package dev.nexios.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stops an application whose web stack is not the one its Nexios starter brings, instead of leaving it
 * without enforcement or documentation: a WebFlux application with {@code nexios-spring-boot-starter}
 * (Spring MVC) and Spring MVC excluded, and a Spring MVC application with
 * {@code nexios-spring-boot-starter-webflux}. Each starter is told by its springdoc module.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "nexios.security.enabled", matchIfMissing = true)
public class NexiosStackMismatchAutoConfiguration {

	private static final String SPRINGDOC_WEBMVC = "org.springdoc.webmvc.api.OpenApiResource";

	private static final String SPRINGDOC_WEBFLUX = "org.springdoc.webflux.api.OpenApiResource";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = SPRINGDOC_WEBMVC)
	@ConditionalOnMissingClass(SPRINGDOC_WEBFLUX)
	static class ServletStarterOnWebFlux {

		@Bean
		static Object nexiosStackMismatch() {
			throw new NexiosStackMismatchException("reactive (WebFlux)", "nexios-spring-boot-starter (Spring MVC)",
					"Replace nexios-spring-boot-starter with nexios-spring-boot-starter-webflux, which brings WebFlux, "
							+ "springdoc's WebFlux UI, Spring Security and the resource server; or, to run on Spring MVC, "
							+ "stop excluding spring-boot-starter-webmvc.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = SPRINGDOC_WEBFLUX)
	@ConditionalOnMissingClass(SPRINGDOC_WEBMVC)
	static class WebFluxStarterOnServlet {

		@Bean
		static Object nexiosStackMismatch() {
			throw new NexiosStackMismatchException("servlet (Spring MVC)", "nexios-spring-boot-starter-webflux (WebFlux)",
					"Replace nexios-spring-boot-starter-webflux with nexios-spring-boot-starter, which brings Spring MVC "
							+ "and springdoc's Spring MVC UI; or, to run on WebFlux, remove Spring MVC from the class path "
							+ "or set spring.main.web-application-type=reactive.");
		}

	}

}
