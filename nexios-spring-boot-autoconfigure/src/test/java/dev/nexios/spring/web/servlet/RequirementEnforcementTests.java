package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requirement shapes evaluated as OpenAPI 3.1 §4.8.30 says: OR of alternatives, AND within one,
 * optional, public, class-level and default requirements; and what a controller learns of the caller.
 */
@EnforcementTest
class RequirementEnforcementTests {

	@Autowired
	MockMvc mvc;

	@Test
	void orPassesWithEitherAlternative() throws Exception {
		this.mvc.perform(get("/or").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/or").header("X-API-KEY", TestSecrets.REPORTS_KEY)).andExpect(status().isOk());
	}

	@Test
	void orWithOneBadAndOneGoodCredentialPasses() throws Exception {
		String forged = TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.issuerClaims("alice", null).build());
		this.mvc
			.perform(get("/or").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
				.header("X-API-KEY", TestSecrets.REPORTS_KEY))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/or").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null))
				.header("X-API-KEY", TestSecrets.UNKNOWN_KEY))
			.andExpect(status().isOk());
	}

	@Test
	void orWithNothingGets401WithAChallengePerScheme() throws Exception {
		this.mvc.perform(get("/or"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"",
					"ApiKey in=\"header\", name=\"X-API-KEY\""))
			.andExpect(jsonPath("$.detail").value("Authentication is required: bearerAuth, or apiKeyAuth"));
	}

	@Test
	void andPassesWithBoth() throws Exception {
		this.mvc
			.perform(get("/and").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null))
				.header("X-API-KEY", TestSecrets.REPORTS_KEY))
			.andExpect(status().isOk());
	}

	@Test
	void andWithOneOfTwoGets401() throws Exception {
		this.mvc.perform(get("/and").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"",
					"ApiKey in=\"header\", name=\"X-API-KEY\""));
		this.mvc.perform(get("/and").header("X-API-KEY", TestSecrets.REPORTS_KEY)).andExpect(status().isUnauthorized());
	}

	@Test
	void andWithAnInvalidSecondCredentialGets401() throws Exception {
		this.mvc
			.perform(get("/and").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null))
				.header("X-API-KEY", TestSecrets.UNKNOWN_KEY))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("apiKeyAuth is not valid")));
	}

	@Test
	void optionalPassesAnonymously() throws Exception {
		this.mvc.perform(get("/optional")).andExpect(status().isOk()).andExpect(content().string("anonymous"));
	}

	@Test
	void optionalKnowsTheCallerWhenAuthenticated() throws Exception {
		this.mvc
			.perform(get("/optional").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk())
			.andExpect(content().string("hello alice"));
	}

	@Test
	void optionalNeverDowngradesAFailedCredentialToAnonymous() throws Exception {
		String expired = TestTokens.issuerToken((claims) -> claims
			.issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(7200)))
			.expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(3600))));
		this.mvc.perform(get("/optional").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
		this.mvc.perform(get("/optional").header(HttpHeaders.AUTHORIZATION, "Bearer garbage"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void publicIgnoresCredentialsAltogether() throws Exception {
		this.mvc.perform(get("/public")).andExpect(status().isOk()).andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		this.mvc.perform(get("/public").header(HttpHeaders.AUTHORIZATION, "Bearer garbage")
			.header("X-API-KEY", TestSecrets.UNKNOWN_KEY)).andExpect(status().isOk());
		this.mvc.perform(get("/public").header(HttpHeaders.AUTHORIZATION, "Bearer a")
			.header(HttpHeaders.AUTHORIZATION, "Basic b")).andExpect(status().isOk());
	}

	@Test
	void defaultRequirementsApplyToUndeclaredOperations() throws Exception {
		this.mvc.perform(get("/default"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"basicAuth\", charset=\"UTF-8\""));
		this.mvc.perform(get("/default").header(HttpHeaders.AUTHORIZATION, SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void classLevelRequirementsApplyAndAMethodCanOverrideThem() throws Exception {
		this.mvc.perform(get("/reports")).andExpect(status().isUnauthorized())
			.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "ApiKey in=\"header\", name=\"X-API-KEY\""));
		this.mvc.perform(get("/reports/health")).andExpect(status().isOk());
	}

	@Test
	void controllerLearnsPrincipalSchemesAndScopes() throws Exception {
		this.mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + TestTokens.issuerToken("alice", "read write")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.schemes[0]").value("bearerAuth"))
			.andExpect(jsonPath("$.scopes[0]").value("read"))
			.andExpect(jsonPath("$.scopes[1]").value("write"))
			.andExpect(jsonPath("$.principalIsJwt").value(true))
			.andExpect(jsonPath("$.subject").value("alice"));
		this.mvc.perform(get("/me").header("X-API-KEY", TestSecrets.REPORTS_KEY))
			.andExpect(jsonPath("$.name").value("reports-service"))
			.andExpect(jsonPath("$.schemes[0]").value("apiKeyAuth"))
			.andExpect(jsonPath("$.scopes[0]").value("reports"));
		this.mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, SchemeEnforcementTests.basic("alice", TestSecrets.PASSWORD)))
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.schemes[0]").value("basicAuth"))
			.andExpect(jsonPath("$.scopes[0]").value("read"))
			.andExpect(content().string(not(containsString(TestSecrets.PASSWORD))));
	}

	@Test
	void noSessionIsCreated() throws Exception {
		this.mvc.perform(get("/single").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", null)))
			.andExpect(status().isOk())
			.andExpect(request().sessionAttribute("SPRING_SECURITY_CONTEXT", nullValue()))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@Test
	void applicationChainIsKeptAndRunsFirstForItsPaths() throws Exception {
		this.mvc.perform(get("/app-chain/hello")).andExpect(status().isOk());
	}

}
