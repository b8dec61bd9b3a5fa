package dev.nexios.spring.sample.webflux;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application on WebFlux: the Nexios "OpenAPI Authentication" guide, declared once in
 * {@code application.yml} and with {@code @NexiosSecured}, exactly as the servlet sample declares it.
 */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Nexios sample on WebFlux: OpenAPI Authentication", version = "1",
		description = "Every case of the guide. Get a token with Authorize → oauth2 (demo users alice, bob, admin; "
				+ "password = username + \"-password\") or POST /auth/token; API key: demo-admin-key."))
public class SampleWebFluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleWebFluxApplication.class, args);
	}

}
