package dev.nexios.spring.web.servlet;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Variants of a secured route are refused like the route itself, CORS preflights get the
 * application's CORS answer, the error dispatch leaks nothing, and malformed input gets a clean 400 or
 * 401.
 */
@EnforcementTest
class RequestVariantsTests {

	@Autowired
	MockMvc mvc;

	/** 401 when the variant reaches the route; 400 or 404 when it does not reach any handler. */
	private void assertNotServed(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().is(anyOf(is(400), is(401), is(404))))
			.andExpect(content().string(not(containsString("item 1"))));
	}

	@Test
	void theRouteItselfIsSecured() throws Exception {
		this.mvc.perform(get("/items/1")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/items/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk());
	}

	@Test
	void trailingSlash() throws Exception {
		assertNotServed(get("/items/1/"));
	}

	@Test
	void matrixParameters() throws Exception {
		assertNotServed(get("/items;a=b/1"));
		assertNotServed(get("/items/1;jsessionid=x"));
	}

	@Test
	void doubledSlashes() throws Exception {
		assertNotServed(get("//items/1"));
		assertNotServed(get("/items//1"));
	}

	@Test
	void percentEncodedCharacters() throws Exception {
		assertNotServed(get("/%69tems/1"));
		assertNotServed(get("/items%2F1"));
		assertNotServed(get("/items/..%2Fitems/1"));
	}

	@Test
	void upperAndLowerCase() throws Exception {
		assertNotServed(get("/ITEMS/1"));
		assertNotServed(get("/Items/1"));
	}

	@Test
	void headOnAGetMapping() throws Exception {
		this.mvc.perform(head("/items/1")).andExpect(status().isUnauthorized());
		this.mvc.perform(head("/items/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk());
	}

	@Test
	void corsPreflightGetsTheApplicationsCorsAnswer() throws Exception {
		this.mvc.perform(options("/single").header(HttpHeaders.ORIGIN, "https://app.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example"))
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void corsPreflightFromAnotherOriginIsRefusedByTheCorsConfiguration() throws Exception {
		this.mvc.perform(options("/single").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void refusedCrossOriginRequestStillCarriesCorsHeaders() throws Exception {
		this.mvc.perform(get("/single").header(HttpHeaders.ORIGIN, "https://app.example"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example"));
	}

	@Test
	void errorEndpointAskedForDirectlyIsNotFound() throws Exception {
		// the error page renders ERROR dispatches; asked for directly it would answer 500 with status 999
		for (String accept : new String[] { "application/json", "text/html" }) {
			this.mvc.perform(get("/error").accept(accept))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType("application/problem+json"));
			this.mvc.perform(post("/error").accept(accept)
				.header(HttpHeaders.AUTHORIZATION, SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Exception"))));
		}
	}

	@Test
	void failingHandlerLeaksNoDetail() throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		try {
			this.mvc.perform(get("/boom").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(content().string(not(containsString("internal detail"))))
				.andExpect(content().string(not(containsString(token))));
		}
		catch (jakarta.servlet.ServletException ex) {
			// MockMvc rethrows what a container would turn into an error dispatch; the filter let it through
			// only after authentication
			org.assertj.core.api.Assertions.assertThat(ex).hasRootCauseInstanceOf(IllegalStateException.class);
		}
		this.mvc.perform(get("/boom")).andExpect(status().isUnauthorized());
	}

	@Test
	void severalAuthorizationHeadersGet400() throws Exception {
		String token = TestTokens.issuerToken("alice", null);
		this.mvc.perform(get("/single").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString(token))));
	}

	@Test
	void oversizedAuthorizationGets401() throws Exception {
		this.mvc.perform(get("/single").header(HttpHeaders.AUTHORIZATION, "Bearer " + "a".repeat(64 * 1024)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/basic").header(HttpHeaders.AUTHORIZATION, "Basic " + "QQ".repeat(32 * 1024)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void garbledAuthorizationGets401() throws Exception {
		for (String value : new String[] { "Bearer", "Bearer ", "Bearer a b", "Bearer ###", "Bearer \u00e9\u00e8",
				"Bearer a.b.c", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "Basic", "Basic ===", "Basic \u00e9" }) {
			this.mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, value))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Negotiate abc"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void nonAsciiOrOversizedApiKeyGets401() throws Exception {
		this.mvc.perform(get("/or").header("X-API-KEY", new String("cl\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/or").header("X-API-KEY", "k".repeat(5000))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/or").header("X-API-KEY", "")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/or").header("X-API-KEY", TestSecrets.REPORTS_KEY).header("X-API-KEY", TestSecrets.REPORTS_KEY))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/query?api_key=%ZZ")).andExpect(status().is(anyOf(is(400), is(401))));
		this.mvc.perform(get("/query?api_key=" + TestSecrets.QUERY_KEY + "&api_key=" + TestSecrets.QUERY_KEY))
			.andExpect(status().isUnauthorized());
	}

}
