package dev.nexios.spring.sample;

import dev.nexios.spring.test.web.AutoConfigureNexiosTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.apiKey;
import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.bearerToken;
import static dev.nexios.spring.test.web.NexiosRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How a user of the starter tests an application: a credential of a named scheme per request, 401
 * without, 200 with the right one, 403 with one that lacks the scope. With the whole application: test tokens are trusted
 * instead of the demo token endpoint's.
 */
@SpringBootTest(properties = { "nexios.security.schemes.basicAuth.type=http",
		"nexios.security.schemes.basicAuth.scheme=basic" })
@AutoConfigureMockMvc
@AutoConfigureNexiosTestTokens
@Import(InternalApi.class)
class SampleSpringBootTests {

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

}
