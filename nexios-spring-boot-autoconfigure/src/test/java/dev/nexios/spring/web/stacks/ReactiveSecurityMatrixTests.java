package dev.nexios.spring.web.stacks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The security matrix endpoint on WebFlux, through Reactor Netty (the context of
 * {@link ReactiveStackEnforcementTests}).
 */
@SpringBootTest(classes = ReactiveStackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=reactive" })
class ReactiveSecurityMatrixTests extends SecurityMatrixCases {

}
