package dev.nexios.spring.web.servlet;

import java.net.http.HttpResponse;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher runs only what was decided, through Tomcat: a filter ordered after Spring Security's that
 * rewrites the path (Spring's {@code UrlHandlerFilter}, declared as a plain bean) cannot lead the
 * {@code DispatcherServlet} to a handler that the decision never saw; and a resource handler with a location
 * of its own under Swagger UI's path is closed like any other, not taken for Swagger UI.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DispatchIntegrityTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=stacks", "spring.main.web-application-type=servlet",
				"nexios.security.default-requirements[0].bearerAuth=" })
class DispatchIntegrityTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) {
		return new ServerHttp(this.port).get(path, headers);
	}

	@Test
	void aPathRewrittenAfterTheDecisionIsRefused(CapturedOutput output) {
		// decided on /admin/ (no handler: the default requirements, which the token meets), dispatched as /admin
		HttpResponse<String> rewritten = get("/admin/", HttpHeaders.AUTHORIZATION, TestTokens.bearer("read"));
		assertThat(rewritten.statusCode()).isEqualTo(403);
		assertThat(rewritten.body()).doesNotContain("admin-body");
		assertThat(get("/admin/").statusCode()).isEqualTo(401);
		assertThat(get("/public/").statusCode()).isIn(401, 403);
		// what is not rewritten is decided and served as before
		assertThat(get("/admin", HttpHeaders.AUTHORIZATION, TestTokens.bearer("read")).statusCode()).isEqualTo(403);
		assertThat(get("/admin", HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin")).body()).isEqualTo("admin-body");
		assertThat(get("/public").body()).isEqualTo("public-body");
		assertThat(output.getOut()).containsOnlyOnce("Refused a REQUEST dispatch that the security filter did not "
				+ "decide");
	}

	@Test
	void aResourceHandlerOfItsOwnUnderSwaggerUiIsClosed() {
		assertThat(get("/swagger-ui/private/secret.txt").statusCode()).isEqualTo(401);
		assertThat(get("/files/secret.txt").statusCode()).isEqualTo(401);
		HttpResponse<String> authenticated = get("/files/secret.txt", HttpHeaders.AUTHORIZATION, TestTokens.bearer("read"));
		assertThat(authenticated.statusCode()).isEqualTo(200);
		assertThat(authenticated.body()).isEqualTo("private-docs-body\n");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controllers.class)
	static class Application implements WebMvcConfigurer {

		/** After Spring Security's filter (a plain Filter bean has the lowest precedence). */
		@Bean
		Filter trailingSlash() {
			return UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build();
		}

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/swagger-ui/private/**", "/files/**")
				.addResourceLocations("classpath:/private-docs/");
		}

	}

	@RestController
	static class Controllers {

		@NexiosSecured(value = "oauth2", scopes = "admin")
		@GetMapping("/admin")
		String admin() {
			return "admin-body";
		}

		@NexiosPublic
		@GetMapping("/public")
		String open() {
			return "public-body";
		}

	}

}
