package dev.nexios.spring.web.servlet;

import dev.nexios.spring.core.ApiKeyAuthenticator;

import java.io.IOException;
import java.util.Map;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.boot.web.error.ErrorPageRegistrar;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * An application with every kind of request the declaration may not cover: an operation without an
 * annotation, actuator endpoints, a {@code SimpleUrlHandlerMapping} handler, a view controller, a
 * WebSocket endpoint, a second servlet, and public handlers that include, forward, dispatch
 * asynchronously to, or fail into an error page of a secured handler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSocket
@EnableMethodSecurity
@Import({ SecureByDefaultApplication.UndeclaredController.class, SecureByDefaultApplication.SecretController.class,
		SecureByDefaultApplication.DispatchingController.class, SecureByDefaultApplication.FormController.class })
class SecureByDefaultApplication implements WebMvcConfigurer, WebSocketConfigurer {

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}" + TestSecrets.PASSWORD).build());
	}

	@Bean
	ApiKeyAuthenticator unreachableKeyStore() {
		return (scheme, key) -> {
			if (scheme.equals("storeKey")) {
				throw new IllegalStateException("the key store is down");
			}
			return null;
		};
	}

	@Bean
	SimpleUrlHandlerMapping legacyMapping() {
		HttpRequestHandler legacy = (request, response) -> response.getWriter().write("legacy-body");
		return new SimpleUrlHandlerMapping(Map.of("/legacy", legacy), 0);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addStatusController("/view", HttpStatus.OK);
	}

	@Override
	public void registerWebSocketHandlers(
			org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry registry) {
		registry.addHandler(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
				session.sendMessage(new TextMessage("echo:" + message.getPayload()));
			}
		}, "/ws");
	}

	@Bean
	ServletRegistrationBean<HttpServlet> secondServlet() {
		return new ServletRegistrationBean<>(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.getWriter().write("second-body");
			}
		}, "/second/*");
	}

	@Bean
	ErrorPageRegistrar secretErrorPage() {
		return (registry) -> registry.addErrorPages(new ErrorPage(IllegalStateException.class, "/secret"));
	}

	@RestController
	static class UndeclaredController {

		@GetMapping("/undeclared")
		String undeclared() {
			return "undeclared-body";
		}

	}

	@RestController
	static class SecretController {

		@GetMapping("/secret")
		@NexiosSecured("bearerAuth")
		String secret() {
			return "secret-body";
		}

		@GetMapping("/outage")
		@NexiosSecured("outageAuth")
		String outage() {
			return "outage-body";
		}

		@GetMapping("/keyed")
		@NexiosSecured("cookieKey")
		String keyed() {
			return "keyed-body";
		}

		@GetMapping("/store")
		@NexiosSecured("storeKey")
		String store() {
			return "store-body";
		}

		@GetMapping("/method-secured")
		@NexiosSecured("bearerAuth")
		@PreAuthorize("hasAuthority('SCOPE_admin')")
		String methodSecured() {
			return "admin-body";
		}

	}

	@RestController
	@NexiosPublic
	static class DispatchingController {

		@GetMapping("/include-secret")
		void include(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			response.getOutputStream().write("before;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			request.getRequestDispatcher("/secret").include(request, response);
		}

		@GetMapping("/forward-secret")
		void forward(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			request.getRequestDispatcher("/secret").forward(request, response);
		}

		@GetMapping("/async-secret")
		void async(HttpServletRequest request) {
			AsyncContext async = request.startAsync();
			async.dispatch("/secret");
		}

		@GetMapping("/async-keyed")
		void asyncKeyed(HttpServletRequest request) {
			request.startAsync().dispatch("/keyed");
		}

		@GetMapping("/include-keyed")
		void includeKeyed(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
			response.getOutputStream().write("before;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			request.getRequestDispatcher("/keyed").include(request, response);
		}

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("failed on purpose");
		}

	}

	@RestController
	static class FormController {

		@PostMapping("/basic-form")
		@NexiosSecured({ "basicAuth", "bearerAuth" })
		String basicForm() {
			return "basic-form-body";
		}

		@PostMapping("/cookie-form")
		@NexiosSecured("cookieKey")
		String cookieForm() {
			return "cookie-form-body";
		}

	}

}
