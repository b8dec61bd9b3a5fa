package dev.nexios.spring.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps credentials out of the log when the servlet container itself rejects a request. Tomcat logs
 * the first malformed request line, header or cookie at {@code INFO}, quoting it — and with it an API
 * key in a header, a query string or a cookie, or a token. These defaults raise those loggers to
 * {@code WARN}.
 *
 * <p>They are Spring Boot default properties (the lowest precedence): any {@code logging.level.*}
 * set by the application wins.
 */
class NexiosLoggingDefaults implements EnvironmentPostProcessor {

	static final Map<String, Object> DEFAULTS = Map.of(
			// "The HTTP header line [X-API-KEY: ...] does not conform to RFC 9112", "Invalid character found
			// in the request target [/path?api_key=...]"
			"logging.level.org.apache.coyote.http11.Http11Processor", "WARN",
			// "A cookie header was received [...] that contained an invalid cookie"
			"logging.level.org.apache.tomcat.util.http.parser.Cookie", "WARN",
			"logging.level.org.apache.tomcat.util.http.Rfc6265CookieProcessor", "WARN");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
	}

}
