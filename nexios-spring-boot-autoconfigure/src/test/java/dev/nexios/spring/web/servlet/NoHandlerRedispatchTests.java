package dev.nexios.spring.web.servlet;

import java.net.http.HttpResponse;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.HiddenHttpMethodFilter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's attack on what happens when the filter's lookup finds no handler: the dispatch is decided with the
 * default requirements and {@code ResolvedDispatchHandlerMapping} hands the {@code DispatcherServlet} nothing, so
 * that it looks the handler up again, on a request that is not in the state the filter saw. An API without static
 * resources ({@code spring.web.resources.add-mappings=false}) has no catch-all handler, and a handler mapping that
 * strips a version prefix from the parsed path (written through the request it is given, as
 * {@code ServletRequestPathUtils.parseAndCache} does) is undone in the filter's lookup (Spring MVC 7's
 * {@code AbstractHandlerMapping} parses the path again before the request reaches the {@code DispatcherServlet})
 * but honoured in the dispatcher's. Also: {@code HiddenHttpMethodFilter} declared as a plain bean (after Spring
 * Security's filter) changes the method after the decision, which must be refused.
 */
@SpringBootTest(classes = NoHandlerRedispatchTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet",
				"nexios.security.default-requirements[0].bearerAuth=", "spring.web.resources.add-mappings=false" })
class NoHandlerRedispatchTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> send(String method, String path, String... headers) {
		return new ServerHttp(this.port).send(method, path, headers);
	}

	@Test
	void theRoutesAsDeclared() {
		assertThat(send("GET", "/admin").statusCode()).isEqualTo(401);
		assertThat(send("GET", "/admin", HttpHeaders.AUTHORIZATION, TestTokens.bearer("read")).statusCode())
			.isEqualTo(403);
		assertThat(send("GET", "/admin", HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin")).body())
			.isEqualTo("admin-body");
		assertThat(send("POST", "/admin").body()).isEqualTo("post-body");
	}

	@Test
	void aVersionPrefixStrippedByAMappingDoesNotReachTheSecuredHandlerWithoutItsScope() {
		assertThat(send("GET", "/v1/admin").statusCode()).isEqualTo(401);
		HttpResponse<String> read = send("GET", "/v1/admin", HttpHeaders.AUTHORIZATION, TestTokens.bearer("read"));
		assertThat(read.body()).as("%s %s", read.statusCode(), read.body()).doesNotContain("admin-body");
		assertThat(read.statusCode()).isIn(403, 404);
	}

	@Test
	void aMethodChangedAfterTheDecisionIsRefused() {
		// decided as the public POST, dispatched as the secured DELETE: the dispatch was not decided
		for (String[] headers : new String[][] { {}, { HttpHeaders.AUTHORIZATION, TestTokens.bearer("read") } }) {
			HttpResponse<String> response = send("POST", "/admin?_method=DELETE", headers);
			assertThat(response.body()).doesNotContain("delete-body");
			assertThat(response.statusCode()).isIn(401, 403);
			HttpResponse<String> nowhere = send("POST", "/nowhere?_method=DELETE", headers);
			assertThat(nowhere.statusCode()).isIn(401, 403);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controllers.class)
	static class Application {

		@Bean
		HandlerMapping versionPrefixMapping() {
			return new VersionPrefixMapping();
		}

		/** A plain Filter bean: after Spring Security's filter chain. */
		@Bean
		Filter lateHiddenHttpMethodFilter() {
			return new HiddenHttpMethodFilter();
		}

	}

	/**
	 * Before Spring MVC's own mappings: strips {@code /v1} from the parsed path, through the request it is given,
	 * and selects nothing itself.
	 */
	static final class VersionPrefixMapping implements HandlerMapping, Ordered {

		@Override
		public HandlerExecutionChain getHandler(HttpServletRequest request) {
			String uri = request.getRequestURI();
			if (uri.startsWith("/v1/")) {
				ServletRequestPathUtils.parseAndCache(new HttpServletRequestWrapper(request) {
					@Override
					public String getRequestURI() {
						return uri.substring("/v1".length());
					}
				});
			}
			return null;
		}

		@Override
		public boolean usesPathPatterns() {
			return true;
		}

		@Override
		public int getOrder() {
			return -10;
		}

	}

	@RestController
	static class Controllers {

		@NexiosSecured(value = "oauth2", scopes = "admin")
		@GetMapping("/admin")
		String admin() {
			return "admin-body";
		}

		@NexiosSecured(value = "oauth2", scopes = "admin")
		@DeleteMapping("/admin")
		String delete() {
			return "delete-body";
		}

		@NexiosPublic
		@PostMapping("/admin")
		String post() {
			return "post-body";
		}

	}

}
