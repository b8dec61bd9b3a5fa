package dev.nexios.spring.web.servlet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each scheme type authenticates for real: valid credentials pass, missing ones get 401 with the
 * scheme's challenge, invalid ones (bad signature, expired, wrong issuer, wrong audience, unknown key,
 * wrong password) get 401, and missing scopes get 403.
 */
@EnforcementTest
class SchemeEnforcementTests {

	@Autowired
	MockMvc mvc;

	ResultActions bearer(String path, String token) throws Exception {
		return this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static void assertInvalidToken(ResultActions result, String token) throws Exception {
		result.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer error=\"invalid_token\"")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString(token))));
	}

	@Nested
	class BearerJwtFromSpringBootProperties {

		@Test
		void validTokenPasses() throws Exception {
			bearer("/single", TestTokens.issuerToken("alice", null)).andExpect(status().isOk())
				.andExpect(content().string("single"));
		}

		@Test
		void schemeNameOfAuthorizationIsCaseInsensitive() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(get("/single").header(HttpHeaders.AUTHORIZATION, "bearer " + TestTokens.issuerToken("alice", null)))
				.andExpect(status().isOk());
		}

		@Test
		void missingTokenGets401WithBearerChallenge() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/single"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\""))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString("\"status\":401")))
				.andExpect(content().string(containsString("bearerAuth")));
		}

		@Test
		void badSignatureGets401() throws Exception {
			String token = TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.issuerClaims("alice", null).build());
			assertInvalidToken(bearer("/single", token), token);
		}

		@Test
		void tamperedPayloadGets401() throws Exception {
			String token = TestTokens.issuerToken("alice", null);
			String[] parts = token.split("\\.");
			String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
					TestTokens.issuerClaims("root", "admin").build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
			assertInvalidToken(bearer("/single", forged), token);
		}

		@Test
		void expiredTokenGets401() throws Exception {
			String token = TestTokens.issuerToken((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(7200)))
				.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
			assertInvalidToken(bearer("/single", token), token);
		}

		@Test
		void notYetValidTokenGets401() throws Exception {
			String token = TestTokens.issuerToken((claims) -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))));
			assertInvalidToken(bearer("/single", token), token);
		}

		@Test
		void wrongAudienceGets401() throws Exception {
			String token = TestTokens.issuerToken((claims) -> claims.audience(List.of("another-api")));
			assertInvalidToken(bearer("/single", token), token);
		}

		@Test
		void unsecuredJwtGets401() throws Exception {
			String token = TestTokens.unsecuredToken();
			assertInvalidToken(bearer("/single", token), token);
		}

		@Test
		void tokenThatIsNotAJwtGets401() throws Exception {
			assertInvalidToken(bearer("/single", "not-a-jwt"), "not-a-jwt");
		}

		@Test
		void tokenOfAnotherSchemesIssuerGets401() throws Exception {
			String token = TestTokens.partnerToken((claims) -> { });
			assertInvalidToken(bearer("/single", token), token);
		}

	}

	@Nested
	class BearerJwtPerScheme {

		@Test
		void validTokenOfTheSchemesOwnIssuerPasses() throws Exception {
			bearer("/partner", TestTokens.partnerToken((claims) -> { })).andExpect(status().isOk());
		}

		@Test
		void tokenOfTheApplicationIssuerGets401() throws Exception {
			String token = TestTokens.issuerToken("alice", null);
			assertInvalidToken(bearer("/partner", token), token);
		}

		@Test
		void wrongIssuerGets401() throws Exception {
			String token = TestTokens.partnerToken((claims) -> claims.issuer("https://issuer.example"));
			assertInvalidToken(bearer("/partner", token), token);
		}

		@Test
		void wrongAudienceGets401() throws Exception {
			String token = TestTokens.partnerToken((claims) -> claims.audience("nexios-api"));
			assertInvalidToken(bearer("/partner", token), token);
		}

	}

	@Nested
	class OAuth2Scopes {

		@Test
		void tokenWithTheScopePasses() throws Exception {
			bearer("/admin", TestTokens.issuerToken("alice", "read admin")).andExpect(status().isOk());
		}

		@Test
		void scpClaimAsListIsReadToo() throws Exception {
			bearer("/admin", TestTokens.issuerToken((claims) -> claims.claim("scp", List.of("admin"))))
				.andExpect(status().isOk());
		}

		@Test
		void tokenWithoutTheScopeGets403InsufficientScope() throws Exception {
			bearer("/admin", TestTokens.issuerToken("alice", "read write")).andExpect(status().isForbidden())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
						containsString("Bearer error=\"insufficient_scope\"")))
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("scope=\"admin\"")))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString("\"status\":403")));
		}

		@Test
		void everyScopeOfTheRequirementIsNeeded() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/write")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", "write")))
				.andExpect(status().isForbidden())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("scope=\"read write\"")));
			SchemeEnforcementTests.this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/write")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.issuerToken("alice", "read write")))
				.andExpect(status().isOk());
		}

		@Test
		void invalidTokenWithTheScopeStillGets401() throws Exception {
			String token = TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.issuerClaims("alice", "admin").build());
			assertInvalidToken(bearer("/admin", token), token);
		}

	}

	@Nested
	class HttpBasic {

		@Test
		void validCredentialsPass() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(get("/basic").header(HttpHeaders.AUTHORIZATION, basic("alice", TestSecrets.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(content().string("basic alice"));
		}

		@Test
		void missingCredentialsGet401WithBasicChallenge() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/basic"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"basicAuth\", charset=\"UTF-8\""));
		}

		@Test
		void wrongPasswordGets401() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(get("/basic").header(HttpHeaders.AUTHORIZATION, basic("alice", TestSecrets.WRONG_PASSWORD)))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic realm=")))
				.andExpect(content().string(not(containsString(TestSecrets.WRONG_PASSWORD))));
		}

		@Test
		void unknownUserGets401() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(get("/basic").header(HttpHeaders.AUTHORIZATION, basic("mallory", TestSecrets.PASSWORD)))
				.andExpect(status().isUnauthorized());
		}

		@Test
		void garbledCredentialsGet401() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/basic").header(HttpHeaders.AUTHORIZATION, "Basic %%%not-base64"))
				.andExpect(status().isUnauthorized());
			SchemeEnforcementTests.this.mvc
				.perform(get("/basic").header(HttpHeaders.AUTHORIZATION,
						"Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))))
				.andExpect(status().isUnauthorized());
		}

	}

	@Nested
	class ApiKeys {

		@Test
		void headerKeyFromSha256DigestPasses() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/or").header("X-API-KEY", TestSecrets.REPORTS_KEY))
				.andExpect(status().isOk());
		}

		@Test
		void headerNameIsMatchedCaseInsensitively() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/or").header("x-api-key", TestSecrets.REPORTS_KEY))
				.andExpect(status().isOk());
		}

		@Test
		void headerKeyFromASecretFilePasses() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/me").header("X-API-KEY", TestSecrets.FILE_KEY))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("\"name\":\"file-service\"")));
		}

		@Test
		void unknownKeyGets401WithApiKeyChallenge() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/or").header("X-API-KEY", TestSecrets.UNKNOWN_KEY))
				.andExpect(status().isUnauthorized())
				.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"",
						"ApiKey in=\"header\", name=\"X-API-KEY\", error=\"invalid_key\""))
				.andExpect(content().string(not(containsString(TestSecrets.UNKNOWN_KEY))));
		}

		@Test
		void keyWithTheClassLevelScopePasses() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/reports").header("X-API-KEY", TestSecrets.REPORTS_KEY))
				.andExpect(status().isOk());
		}

		@Test
		void keyWithoutTheClassLevelScopeGets403() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/reports").header("X-API-KEY", TestSecrets.FILE_KEY))
				.andExpect(status().isForbidden())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"insufficient_scope\"")))
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("scope=\"reports\"")));
		}

		@Test
		void queryKeyPasses() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/query?api_key=" + TestSecrets.QUERY_KEY))
				.andExpect(status().isOk());
		}

		@Test
		void queryKeyInABodyParameterDoesNotCount() throws Exception {
			SchemeEnforcementTests.this.mvc
				.perform(get("/query").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("api_key=" + TestSecrets.QUERY_KEY))
				.andExpect(status().isUnauthorized())
				.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "ApiKey in=\"query\", name=\"api_key\""));
		}

		@Test
		void unknownQueryKeyGets401() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/query?api_key=" + TestSecrets.UNKNOWN_KEY))
				.andExpect(status().isUnauthorized());
		}

		@Test
		void cookieKeyPasses() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/cookie").cookie(new Cookie("API_KEY", TestSecrets.COOKIE_KEY)))
				.andExpect(status().isOk());
		}

		@Test
		void unknownCookieKeyGets401() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/cookie").cookie(new Cookie("API_KEY", TestSecrets.UNKNOWN_KEY)))
				.andExpect(status().isUnauthorized())
				.andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE,
						"ApiKey in=\"cookie\", name=\"API_KEY\", error=\"invalid_key\""));
		}

		@Test
		void keyOfAnotherSchemeGets401() throws Exception {
			SchemeEnforcementTests.this.mvc.perform(get("/cookie").cookie(new Cookie("API_KEY", TestSecrets.REPORTS_KEY)))
				.andExpect(status().isUnauthorized());
		}

	}

}
