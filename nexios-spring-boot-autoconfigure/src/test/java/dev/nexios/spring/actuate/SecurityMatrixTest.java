package dev.nexios.spring.actuate;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scheme's verification shows of its URLs: never the user information or the query, where a
 * password or a token could be written.
 */
class SecurityMatrixTest {

	@Test
	void userInformationAndQueryOfAUrlAreMasked() {
		SecurityMatrix.Verification verification = new SecurityMatrix.Verification("jwt", "nexios.security.schemes.x.jwt",
				"https://issuer.example", "https://svc:p4ssw0rd@idp.example:8443/jwks?access_token=t0ken#frag",
				"classpath:keys/public.pem", List.of("api"), List.of("RS256"),
				"https://client:s3cret@idp.example/introspect", null, null, null);
		assertThat(verification.issuer()).isEqualTo("https://issuer.example");
		assertThat(verification.jwkSetUri()).isEqualTo("https://******@idp.example:8443/jwks?******");
		assertThat(verification.publicKeyLocation()).isEqualTo("classpath:keys/public.pem");
		assertThat(verification.introspectionUri()).isEqualTo("https://******@idp.example/introspect");
		assertThat(verification.toString()).doesNotContain("p4ssw0rd", "t0ken", "s3cret", "frag");
	}

	@Test
	void aValueThatIsNoUriIsMaskedWhole() {
		SecurityMatrix.Verification verification = new SecurityMatrix.Verification("jwt", null, "not a uri|x", null,
				null, List.of(), List.of(), null, null, null, null);
		assertThat(verification.issuer()).isEqualTo("******");
	}

}
