package dev.nexios.spring.sample.lint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link SpectralOwaspRulesetTests} on the sample's document with
 * {@code springdoc.api-docs.version=openapi_3_0}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "springdoc.api-docs.version=openapi_3_0")
class SpectralOwaspRuleset30Tests extends SpectralOwaspRulesetTests {

	@Override
	String name() {
		return "openapi-3.0";
	}

}
