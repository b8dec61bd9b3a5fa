package dev.nexios.spring.web.stacks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The observation cases on WebFlux, through Reactor Netty.
 */
@SpringBootTest(classes = ReactiveStackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=health,metrics" })
@Import(StackObservationCases.ObservationTestConfiguration.class)
class ReactiveStackObservationTests extends StackObservationCases {

}
