package dev.nexios.spring.web.stacks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The security matrix endpoint on Spring MVC, through Tomcat (the context of
 * {@link ServletStackEnforcementTests}).
 */
@SpringBootTest(classes = ServletStackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet" })
class ServletSecurityMatrixTests extends SecurityMatrixCases {

}
