package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The requirements enforced are those of the handler method Spring MVC really dispatches to, and the
 * document says the same: a method inherited by two controllers with different security, a handler
 * method registered after startup, a functional endpoint, public subclasses and overrides of secured
 * ones, handler mappings ordered by {@code @Order}, Spring MVC's own {@code OPTIONS} answer, and a
 * controller proxied with CGLIB.
 */
@EnforcementTest
class HandlerSelectionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	HandlerSelectionControllers.ProxiedController proxied;

	private static String bearer() {
		return "Bearer " + TestTokens.issuerToken("alice", null);
	}

	@Test
	void inheritedMethodHasTheSecurityOfEachController() throws Exception {
		this.mvc.perform(get("/inherited/secured/list")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/inherited/secured/list").header(HttpHeaders.AUTHORIZATION, bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string("list of SecuredItemsController"));
		this.mvc.perform(get("/inherited/public/list"))
			.andExpect(status().isOk())
			.andExpect(content().string("list of PublicItemsController"));
	}

	@Test
	void inheritedGenericMethodHasTheSecurityOfEachController() throws Exception {
		this.mvc.perform(post("/generic/secured/create").contentType(MediaType.APPLICATION_JSON).content("\"x\""))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/generic/public/create").contentType(MediaType.APPLICATION_JSON).content("\"x\""))
			.andExpect(status().isOk())
			.andExpect(content().string("created by PublicCrudController"));
	}

	@Test
	void documentAgreesOnInheritedMethods() throws Exception {
		JsonNode paths = JSON.readTree(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).path("paths");
		assertThat(paths.path("/inherited/secured/list").path("get").path("security"))
			.isEqualTo(JSON.readTree("[{\"bearerAuth\": []}]"));
		assertThat(paths.path("/inherited/public/list").path("get").path("security")).isEqualTo(JSON.readTree("[]"));
		assertThat(paths.path("/generic/secured/create").path("post").path("security"))
			.isEqualTo(JSON.readTree("[{\"bearerAuth\": []}]"));
		assertThat(paths.path("/generic/public/create").path("post").path("security")).isEqualTo(JSON.readTree("[]"));
	}

	@Test
	void handlerMethodRegisteredAfterStartupGetsTheDefaultRequirementsItIsDocumentedWith() throws Exception {
		JsonNode doc = JSON.readTree(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(doc.path("paths").path("/late").path("get").has("security")).isFalse();
		assertThat(doc.path("security")).isEqualTo(JSON.readTree("[{\"basicAuth\": []}]"));
		this.mvc.perform(get("/late")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/late").header(HttpHeaders.AUTHORIZATION,
				SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string("late"));
	}

	@Test
	void nearestDeclarationWins() throws Exception {
		this.mvc.perform(get("/overrides/class/status")).andExpect(status().isOk()).andExpect(content().string("status"));
		this.mvc.perform(get("/overrides/method/status"))
			.andExpect(status().isOk())
			.andExpect(content().string("public status"));
		JsonNode paths = JSON.readTree(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).path("paths");
		assertThat(paths.path("/overrides/class/status").path("get").path("security")).isEqualTo(JSON.readTree("[]"));
		assertThat(paths.path("/overrides/method/status").path("get").path("security")).isEqualTo(JSON.readTree("[]"));
	}

	@Test
	void handlerMappingsAreAskedInTheDispatcherServletsOrder() throws Exception {
		this.mvc.perform(get("/ordered")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/ordered").header(HttpHeaders.AUTHORIZATION, bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string("ordered"));
	}

	@Test
	void functionalEndpointGetsTheDefaultRequirementsItIsDocumentedWith() throws Exception {
		JsonNode doc = JSON.readTree(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(doc.path("paths").path("/functional").path("get").isObject()).isTrue();
		assertThat(doc.path("paths").path("/functional").path("get").has("security")).isFalse();
		assertThat(doc.path("security")).isEqualTo(JSON.readTree("[{\"basicAuth\": []}]"));
		this.mvc.perform(get("/functional")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/functional").header(HttpHeaders.AUTHORIZATION,
				SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string("functional"));
	}

	@Test
	void functionalEndpointReadsTheMethodPathAndVariablesOfItsOwnRequest() throws Exception {
		this.mvc.perform(get("/functional/42")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/functional/42").header(HttpHeaders.AUTHORIZATION,
				SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string("GET /functional/42 42"));
	}

	@Test
	void optionsWithoutCorsIsSpringMvcsAnswerBehindTheDefaultRequirements() throws Exception {
		// Spring MVC's own OPTIONS answer is no operation: closed like any handler outside the model
		this.mvc.perform(options("/single")).andExpect(status().isUnauthorized());
		this.mvc.perform(options("/single").header(HttpHeaders.AUTHORIZATION,
				"Basic " + java.util.Base64.getEncoder().encodeToString(("alice:" + TestSecrets.PASSWORD).getBytes())))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ALLOW, "GET,HEAD,OPTIONS"))
			.andExpect(content().string(""));
	}

	@Test
	void cglibProxiedControllerIsSecured() throws Exception {
		assertThat(AopUtils.isCglibProxy(this.proxied)).isTrue();
		this.mvc.perform(get("/proxied")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/proxied").header(HttpHeaders.AUTHORIZATION, bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string("proxied"));
	}

}
