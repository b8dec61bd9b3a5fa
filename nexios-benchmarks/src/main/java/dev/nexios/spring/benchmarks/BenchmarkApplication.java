package dev.nexios.spring.benchmarks;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * A Spring Boot servlet application with the starter's auto-configuration and generated controllers,
 * in a mock servlet environment (no server): what {@code @SpringBootTest} builds for MockMvc.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchmarkApplication {

	/**
	 * Starts the application.
	 * @param servletContext the servlet context
	 * @param controllers the controller classes to register as beans
	 * @param args properties, as {@code --name=value}
	 * @return the running context
	 */
	static ConfigurableApplicationContext start(MockServletContext servletContext, List<Class<?>> controllers,
			String... args) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setApplicationContextFactory((type) -> new GenericWebApplicationContext(servletContext));
		application.addInitializers((context) -> controllers
			.forEach((controller) -> ((GenericApplicationContext) context).registerBean(controller)));
		return application.run(args);
	}

}
