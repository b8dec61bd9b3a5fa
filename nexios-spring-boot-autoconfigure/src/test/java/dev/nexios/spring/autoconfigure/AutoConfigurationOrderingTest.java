package dev.nexios.spring.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configurations order themselves against Spring Boot's by class <em>name</em>:
 * a class that one Boot version lacks (Boot 4.0 has no {@code OAuth2ResourceServerWebSecurityAutoConfiguration}
 * in the 4.1 package) would otherwise make Boot log a {@code TypeNotPresentException} while it reads the
 * annotation. Only the starter's own classes are named as classes.
 */
class AutoConfigurationOrderingTest {

	@Test
	void springBootsAutoConfigurationsAreNamedNotReferenced() {
		List<String> names = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.nexios."))
			.toList();
		assertThat(names).contains(NexiosWebSecurityAutoConfiguration.class.getName());
		for (String name : names) {
			Class<?> type = ClassUtils.resolveClassName(name, getClass().getClassLoader());
			MergedAnnotations annotations = MergedAnnotations.from(type);
			List<Class<?>> referenced = new ArrayList<>();
			referenced.addAll(Arrays.asList(annotations.get(AutoConfiguration.class).getClassArray("before")));
			referenced.addAll(Arrays.asList(annotations.get(AutoConfiguration.class).getClassArray("after")));
			if (annotations.isPresent(AutoConfigureBefore.class)) {
				referenced.addAll(Arrays.asList(annotations.get(AutoConfigureBefore.class).getClassArray("value")));
			}
			if (annotations.isPresent(AutoConfigureAfter.class)) {
				referenced.addAll(Arrays.asList(annotations.get(AutoConfigureAfter.class).getClassArray("value")));
			}
			assertThat(referenced).as(type.getSimpleName())
				.allSatisfy((reference) -> assertThat(reference.getName()).startsWith("dev.nexios."));
		}
	}

	@Test
	void theNexiosChainComesBeforeSpringBootsSecurityChains() {
		String[] before = MergedAnnotations.from(NexiosWebSecurityAutoConfiguration.class)
			.get(AutoConfiguration.class)
			.getStringArray("beforeName");
		assertThat(before).contains(
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");
	}

}
