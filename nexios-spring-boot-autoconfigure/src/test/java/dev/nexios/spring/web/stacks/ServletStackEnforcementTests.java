package dev.nexios.spring.web.stacks;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared enforcement cases on Spring MVC, through Tomcat.
 */
@SpringBootTest(classes = ServletStackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet" })
class ServletStackEnforcementTests extends StackEnforcementCases {

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void servedByTomcat() {
		assertThat(this.context.getWebServer()).isInstanceOf(TomcatWebServer.class);
	}

}
