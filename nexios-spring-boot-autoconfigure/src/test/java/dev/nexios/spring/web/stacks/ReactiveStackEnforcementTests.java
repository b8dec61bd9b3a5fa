package dev.nexios.spring.web.stacks;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared enforcement cases on WebFlux, through Reactor Netty.
 */
@SpringBootTest(classes = ReactiveStackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=reactive" })
class ReactiveStackEnforcementTests extends StackEnforcementCases {

	@Autowired
	ReactiveWebServerApplicationContext context;

	@Test
	void servedByReactorNetty() {
		assertThat(this.context.getWebServer()).isInstanceOf(NettyWebServer.class);
	}

}
