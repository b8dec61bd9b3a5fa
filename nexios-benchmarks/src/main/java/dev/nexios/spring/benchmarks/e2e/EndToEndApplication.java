package dev.nexios.spring.benchmarks.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * The application of the end-to-end benchmark (see {@code nexios-benchmarks/README.md}, "End to end"):
 * a Spring Boot servlet application on embedded Tomcat with {@code bench.endpoints} generated endpoints
 * ({@link Endpoints}), secured as {@code bench.variant} says:
 * <ul>
 * <li>{@code N}: by the starter, from {@code @NexiosSecured} / {@code @NexiosPublic} and the schemes
 * {@code bearerAuth} (the public key in {@code bench.keys}) and {@code apiKeyAuth} (one configured
 * key);</li>
 * <li>{@code H}, {@code HP}: by the same rules written by hand with Spring Security
 * ({@link HandWrittenSecurity}), the Nexios auto-configurations excluded;</li>
 * <li>{@code U}: not at all, the Nexios and the Spring Security auto-configurations excluded.</li>
 * </ul>
 * {@code java -jar app.jar keys <directory>} writes the benchmark's public key and token instead
 * ({@link BenchmarkKeys}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EndToEndApplication {

	private static final List<String> NEXIOS_AUTO_CONFIGURATIONS = List.of(
			"dev.nexios.spring.autoconfigure.NexiosSecurityAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosOpenApiAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosWebSecurityAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosApiKeyStoreAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosReactiveWebSecurityAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosStackMismatchAutoConfiguration",
			"dev.nexios.spring.autoconfigure.NexiosSecurityMatrixAutoConfiguration");

	private static final List<String> SPRING_SECURITY_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration");

	/**
	 * How an application is secured.
	 */
	enum Variant {

		/** By the starter. */
		N,
		/** By hand with Spring Security, one request matcher per endpoint. */
		H,
		/** By hand with Spring Security, one request matcher per first path segment. */
		HP,
		/** Not at all. */
		U

	}

	/**
	 * What this run was started with.
	 * @param variant how the application is secured
	 * @param endpoints its endpoints
	 * @param keys the directory of the benchmark's public key
	 */
	record Settings(Variant variant, List<Endpoints.Endpoint> endpoints, Path keys) {
	}

	/**
	 * Starts the application, or writes the benchmark's key material.
	 * @param args {@code --bench.variant=N|H|HP|U --bench.endpoints=<count> --bench.keys=<directory>} and
	 * any Spring Boot property as {@code --name=value}; or {@code keys <directory>}
	 * @throws Exception when the key material cannot be written
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("keys")) {
			BenchmarkKeys.write(Path.of(args[1]));
			return;
		}
		SimpleCommandLinePropertySource arguments = new SimpleCommandLinePropertySource(args);
		Variant variant = Variant.valueOf(required(arguments, "bench.variant"));
		List<Endpoints.Endpoint> endpoints = Endpoints.layout(Integer.parseInt(required(arguments, "bench.endpoints")));
		Settings settings = new Settings(variant, endpoints, Path.of(required(arguments, "bench.keys")).toAbsolutePath());
		List<Class<?>> controllers = Endpoints.controllers(endpoints);
		SpringApplication application = switch (variant) {
			case H, HP -> new SpringApplication(EndToEndApplication.class, HandWrittenSecurity.class);
			case N, U -> new SpringApplication(EndToEndApplication.class);
		};
		application.setDefaultProperties(properties(settings));
		application.addInitializers((context) -> {
			GenericApplicationContext registry = (GenericApplicationContext) context;
			registry.registerBean(Settings.class, () -> settings);
			controllers.forEach((controller) -> registry.registerBean(controller));
		});
		application.run(args);
	}

	private static Map<String, Object> properties(Settings settings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		// Spring Boot's "Started ... in ... seconds" line, which the driver reads
		properties.put("logging.level." + EndToEndApplication.class.getName(), "INFO");
		switch (settings.variant()) {
			case N -> {
				String bearer = "nexios.security.schemes." + Endpoints.BEARER_SCHEME;
				properties.put(bearer + ".type", "http");
				properties.put(bearer + ".scheme", "bearer");
				properties.put(bearer + ".bearer-format", "JWT");
				properties.put(bearer + ".jwt.public-key-location",
						"file:" + settings.keys().resolve(BenchmarkKeys.PUBLIC_KEY_FILE));
				String scheme = "nexios.security.schemes." + Endpoints.API_KEY_SCHEME;
				properties.put(scheme + ".type", "apiKey");
				properties.put(scheme + ".in", "header");
				properties.put(scheme + ".name", BenchmarkKeys.API_KEY_HEADER);
				properties.put(scheme + ".keys[0].principal", "benchmark-client");
				properties.put(scheme + ".keys[0].sha256", BenchmarkKeys.apiKeySha256Hex());
			}
			case H -> {
				properties.put("spring.autoconfigure.exclude", String.join(",", NEXIOS_AUTO_CONFIGURATIONS));
				properties.put("bench.hand-written-rules", "endpoint");
			}
			case HP -> {
				properties.put("spring.autoconfigure.exclude", String.join(",", NEXIOS_AUTO_CONFIGURATIONS));
				properties.put("bench.hand-written-rules", "prefix");
			}
			case U -> properties.put("spring.autoconfigure.exclude",
					String.join(",", NEXIOS_AUTO_CONFIGURATIONS) + "," + String.join(",", SPRING_SECURITY_AUTO_CONFIGURATIONS));
		}
		return properties;
	}

	private static String required(SimpleCommandLinePropertySource arguments, String name) {
		String value = arguments.getProperty(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + "= is required");
		}
		return value;
	}

}
