package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code nexios.security.docs.requirements}, springdoc's endpoints (the OpenAPI document and
 * Swagger UI) require those credentials; the application's operations are unaffected.
 */
@SpringBootTest(classes = EnforcementTestApplication.class,
		properties = { "spring.config.name=enforcement", "nexios.security.docs.requirements[0].basicAuth=" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class DocsProtectionTests {

	@Autowired
	MockMvc mvc;

	@Test
	void apiDocsRequireTheDocsRequirements() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"basicAuth\", charset=\"UTF-8\""));
		this.mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION,
				SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void swaggerUiRequiresTheDocsRequirements() throws Exception {
		this.mvc.perform(get("/swagger-ui.html")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/swagger-ui/index.html").header(HttpHeaders.AUTHORIZATION,
				SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void operationsKeepTheirOwnRequirements() throws Exception {
		this.mvc.perform(get("/public")).andExpect(status().isOk());
		this.mvc.perform(get("/single").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk());
	}

}
