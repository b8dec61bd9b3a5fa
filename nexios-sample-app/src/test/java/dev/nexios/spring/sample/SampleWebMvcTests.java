package dev.nexios.spring.sample;

import dev.nexios.spring.test.web.AutoConfigureNexiosTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.apiKey;
import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.bearerToken;
import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a user of the starter tests an application: a credential of a named scheme per request, 401
 * without, 200 with the right one, 403 with one that lacks the scope. In a {@code @WebMvcTest} slice: the starter enforces
 * the declaration there too (nexios-spring-boot-test adds its auto-configurations to
 * {@code @AutoConfigureMockMvc}).
 */
// a slice has no DataSource: apiKeyAuth is tested with its configured keys, without the database store
// (store: jdbc without a DataSource stops the application, fail closed)
@WebMvcTest(properties = { "nexios.security.schemes.basicAuth.type=http",
		"nexios.security.schemes.basicAuth.scheme=basic", "nexios.security.schemes.apiKeyAuth.store=",
		"nexios.security.schemes.apiKeyAuth.key-prefix=" }, controllers = { OAuth2Controller.class, ApiKeyController.class })
@AutoConfigureNexiosTestTokens
@Import(InternalApi.class)
class SampleWebMvcTests {

	@Autowired
	MockMvc mvc;

	@Test
	void bearerToken401200403() throws Exception {
		this.mvc.perform(get("/documents")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/documents").with(bearerToken("oauth2").scopes("read"))).andExpect(status().isOk());
		this.mvc.perform(get("/documents").with(bearerToken("oauth2").scopes("write"))).andExpect(status().isForbidden());
	}

	@Test
	void apiKey401200403() throws Exception {
		this.mvc.perform(get("/admin/panel")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/panel").with(apiKey("apiKeyAuth", "demo-admin-key"))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/export").with(apiKey("apiKeyAuth", "demo-admin-key"))).andExpect(status().isForbidden());
	}

	@Test
	void httpBasic401200403() throws Exception {
		this.mvc.perform(get("/internal")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/internal").with(httpBasic("basicAuth", "carol", "carol-password"))).andExpect(status().isOk());
		this.mvc.perform(get("/internal").with(httpBasic("basicAuth", "dave", "dave-password"))).andExpect(status().isForbidden());
	}

	@Test
	void aWrongCredentialIsRefused() throws Exception {
		this.mvc.perform(get("/admin/panel").with(apiKey("apiKeyAuth", "not-the-key"))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/internal").with(httpBasic("basicAuth", "carol", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void aSchemeThatIsNotDeclaredOrOfAnotherKindIsAMistakeNotARefusal() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mvc.perform(get("/documents").with(bearerToken("oauth3"))))
			.withMessageContaining("'oauth3' is not declared");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mvc.perform(get("/admin/panel").with(apiKey("oauth2", "demo-admin-key"))))
			.withMessageContaining("not an apiKey scheme");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mvc.perform(get("/internal").with(bearerToken("basicAuth"))))
			.withMessageContaining("does not take bearer tokens");
	}

}
