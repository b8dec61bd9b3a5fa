package dev.nexios.spring.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nexios.spring.model.ApiKeyLocation;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The allocation trims (the one-scheme fast path of {@link NexiosAuthentication}, a
 * configured API key's authorities built once, {@link SchemeOutcome}'s empty scopes): what a caller is granted is
 * what it was before the trims.
 */
class AllocationTrimsTests {

	private static Authentication verified(String name, String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	@Test
	void oneSchemeGrantsExactlyItsAuthenticationsAuthorities() {
		Authentication jwt = verified("alice", "SCOPE_read", "FACTOR_BEARER", "ROLE_user");
		NexiosAuthentication user = new NexiosAuthentication(Map.of("bearerAuth", jwt), Set.of("read"));
		assertThat(user.getAuthorities()).containsExactlyElementsOf(jwt.getAuthorities());
		assertThat(user.getScopes()).containsExactly("read");
		assertThat(user.getSchemes()).containsExactly("bearerAuth");
		assertThat(user.getAuthentication("bearerAuth")).isSameAs(jwt);
		assertThat(user.getPrincipal()).isEqualTo("alice");
		assertThat(user.isAuthenticated()).isTrue();
	}

	@Test
	void aLaterChangeOfTheMapsGivenChangesNothing() {
		Map<String, Authentication> authentications = new LinkedHashMap<>();
		authentications.put("bearerAuth", verified("alice", "SCOPE_read"));
		Set<String> scopes = new LinkedHashSet<>(Set.of("read"));
		NexiosAuthentication user = new NexiosAuthentication(authentications, scopes);
		authentications.put("apiKeyAuth", verified("mallory", "SCOPE_admin"));
		scopes.add("admin");
		assertThat(user.getSchemes()).containsExactly("bearerAuth");
		assertThat(user.getScopes()).containsExactly("read");
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("SCOPE_read");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> user.getAuthorities().clear());
	}

	@Test
	void severalSchemesGrantTheUnionInRequirementOrder() {
		Map<String, Authentication> authentications = new LinkedHashMap<>();
		authentications.put("bearerAuth", verified("alice", "SCOPE_read", "FACTOR_BEARER"));
		authentications.put("apiKeyAuth", verified("reports", "SCOPE_reports", "SCOPE_read"));
		NexiosAuthentication user = new NexiosAuthentication(authentications, Set.of("read", "reports"));
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_read", "FACTOR_BEARER", "SCOPE_reports");
		assertThat(user.getSchemes()).containsExactly("bearerAuth", "apiKeyAuth");
		assertThat(user.getName()).isEqualTo("alice");
	}

	@Test
	void duplicateAuthoritiesOfOneSchemeAreNoLongerMerged() {
		// before the trims the authorities went through a LinkedHashSet; now one scheme's are passed through (a
		// token whose scope claim is "read read"): nothing more is granted, the list only repeats
		Authentication jwt = verified("alice", "SCOPE_read", "SCOPE_read");
		NexiosAuthentication user = new NexiosAuthentication(Map.of("bearerAuth", jwt), Set.of("read"));
		assertThat(Set.copyOf(user.getAuthorities())).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_read");
		assertThat(user.getAuthorities()).hasSize(2);
	}

	@Test
	void aSchemeThatDidNotTakePartIsNull() {
		// the documented contract of getAuthentication: null when that scheme did not take part
		NexiosAuthentication one = new NexiosAuthentication(Map.of("bearerAuth", verified("alice")), Set.of());
		Map<String, Authentication> two = new LinkedHashMap<>();
		two.put("bearerAuth", verified("alice"));
		two.put("apiKeyAuth", verified("reports"));
		NexiosAuthentication several = new NexiosAuthentication(two, Set.of());
		assertThat(several.getAuthentication("oauth2")).isNull();
		assertThat(one.getAuthentication("oauth2")).isNull();
		assertThat(several.getAuthentication(null)).isNull();
		assertThat(several.getSchemes().contains(null)).isFalse();
		// Map.copyOf (one scheme) throws on null where the LinkedHashMap (several) answers
		assertThat(one.getAuthentication(null)).isNull();
		assertThat(one.getSchemes().contains(null)).isFalse();
	}

	@Test
	void aSchemeOutcomesEmptyAndNonEmptyScopesAnswerAlike() {
		SchemeOutcome none = SchemeOutcome.authenticated(verified("alice"), Set.of());
		SchemeOutcome some = SchemeOutcome.authenticated(verified("alice"), Set.of("read"));
		assertThat(none.scopes()).isEmpty();
		assertThat(none.scopes().containsAll(List.of())).isTrue();
		assertThat(none.scopes().containsAll(List.of("read"))).isFalse();
		assertThat(some.scopes().contains(null)).isFalse();
		// Set.of() throws on null where the LinkedHashSet copy answers false
		assertThat(none.scopes().contains(null)).isFalse();
	}

	@Test
	void theAuthenticationsSurviveSerialization() throws Exception {
		NexiosAuthentication one = new NexiosAuthentication(Map.of("bearerAuth", verified("alice", "SCOPE_read")),
				Set.of());
		Map<String, Authentication> two = new LinkedHashMap<>();
		two.put("bearerAuth", verified("alice", "SCOPE_read"));
		two.put("apiKeyAuth", verified("reports", "SCOPE_reports"));
		NexiosAuthentication several = new NexiosAuthentication(two, Set.of("read", "reports"));
		for (NexiosAuthentication user : List.of(one, several)) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(user);
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				NexiosAuthentication copy = (NexiosAuthentication) in.readObject();
				assertThat(copy).isEqualTo(user);
				assertThat(copy.getScopes()).isEqualTo(user.getScopes());
				assertThat(copy.getAuthorities()).isEqualTo(user.getAuthorities());
			}
		}
	}

	@Test
	void aConfiguredKeyGrantsItsScopesToEveryCallerAlike() {
		byte[] digest = ApiKeySchemeAuthenticator.sha256("the-key".getBytes(StandardCharsets.US_ASCII));
		Set<String> scopes = new LinkedHashSet<>(List.of("reports", "read"));
		ApiKeySchemeAuthenticator.ConfiguredKey key = new ApiKeySchemeAuthenticator.ConfiguredKey(digest, "reports",
				scopes);
		scopes.add("admin");
		ApiKeySchemeAuthenticator scheme = new ApiKeySchemeAuthenticator("apiKeyAuth", ApiKeyLocation.HEADER,
				"X-API-KEY", List.of(key), List.of());
		Authentication first = scheme.verifier()
			.authenticate(new ApiKeySchemeAuthenticator.UnverifiedKey("apiKeyAuth", "the-key"));
		Authentication second = scheme.verifier()
			.authenticate(new ApiKeySchemeAuthenticator.UnverifiedKey("apiKeyAuth", "the-key"));
		assertThat(first.getName()).isEqualTo("reports");
		assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_reports", "SCOPE_read");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.getAuthorities().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> key.authorities().add(new SimpleGrantedAuthority("SCOPE_admin")));
		assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("SCOPE_reports", "SCOPE_read");
		assertThat(scheme.verified(first).scopes()).containsExactly("reports", "read");
		NexiosAuthentication user = new NexiosAuthentication(Map.of("apiKeyAuth", first),
				scheme.verified(first).scopes());
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("SCOPE_reports", "SCOPE_read");
		assertThat(user.getScopes()).containsExactly("read", "reports");
	}

	@Test
	void anApplicationsKeyStoreGrantsThePrincipalsScopes() {
		ApiKeySchemeAuthenticator scheme = new ApiKeySchemeAuthenticator("apiKeyAuth", ApiKeyLocation.HEADER,
				"X-API-KEY", List.of(), List.of((name, key) -> "stored".equals(key)
						? new ApiKeyPrincipal("store-client", Set.of("write")) : null));
		Authentication stored = scheme.verifier()
			.authenticate(new ApiKeySchemeAuthenticator.UnverifiedKey("apiKeyAuth", "stored"));
		assertThat(stored.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("SCOPE_write");
		assertThat(scheme.verified(stored).scopes()).containsExactly("write");
		ApiKeySchemeAuthenticator none = new ApiKeySchemeAuthenticator("apiKeyAuth", ApiKeyLocation.HEADER,
				"X-API-KEY", List.of(), List.of((name, key) -> new ApiKeyPrincipal("no-scopes", null)));
		Authentication bare = none.verifier()
			.authenticate(new ApiKeySchemeAuthenticator.UnverifiedKey("apiKeyAuth", "any"));
		assertThat(bare.getAuthorities()).isEmpty();
		assertThat(none.verified(bare).scopes()).isEmpty();
	}

}
