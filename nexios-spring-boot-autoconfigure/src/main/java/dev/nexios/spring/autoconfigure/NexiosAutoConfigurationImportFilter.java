package dev.nexios.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Boot's {@code UserDetailsServiceAutoConfiguration} (and its reactive counterpart) while the Nexios security is
 * enabled and no {@code spring.security.user.password} is set: that auto-configuration would otherwise
 * generate a password and write it to the log ("Using generated security password"), a secret in a log
 * that the Nexios filter chain never uses. Give http basic schemes a {@code UserDetailsService} bean,
 * or set {@code spring.security.user.password} (preferably as an encoded {@code {bcrypt}...} value).
 */
class NexiosAutoConfigurationImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final java.util.Set<String> USER_DETAILS_SERVICE_AUTO_CONFIGURATIONS = java.util.Set.of(
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean enabled = this.environment == null
				|| this.environment.getProperty("nexios.security.enabled", Boolean.class, true);
		boolean passwordSet = this.environment != null
				&& this.environment.containsProperty("spring.security.user.password");
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = !(enabled && !passwordSet
					&& autoConfigurationClasses[i] != null
					&& USER_DETAILS_SERVICE_AUTO_CONFIGURATIONS.contains(autoConfigurationClasses[i]));
		}
		return matches;
	}

}
