package dev.nexios.spring.docs;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quickstart, as a newcomer follows it: the Java class between
 * {@code <!-- quickstart:java -->} and its fence is compiled, the YAML after
 * {@code <!-- quickstart:yaml -->} is its {@code application.yml}, the application is started on a
 * random port, and every {@code curl} line after {@code <!-- quickstart:requests -->} is sent and must
 * answer the status written in its comment ({@code # 200}); the last one must succeed. So the README
 * cannot show a snippet that does not compile, a key that does not match its digest, or a request
 * that does not answer as it says. The Quickstart's {@code pom.xml} (after
 * {@code <!-- quickstart:pom -->}) must name the Spring Boot and starter versions of this build.
 */
class ReadmeQuickstartTest {

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern CLASS = Pattern.compile("^public class (\\w+)", Pattern.MULTILINE);

	private static final Pattern VARIABLE = Pattern.compile("^(\\w+)=(\\S+)$");

	private static final Pattern EXPECTED = Pattern.compile("#\\s*(\\d{3})\\b(.*)$");

	@Test
	void quickstartCompilesStartsAndAnswersAsWritten(@TempDir Path directory) throws Exception {
		String readme = Readme.read(Readme.root().resolve("README.md"));
		String java = Readme.block(readme, "quickstart:java");
		String yaml = Readme.block(readme, "quickstart:yaml");
		List<String> requests = Readme.block(readme, "quickstart:requests").lines()
			.filter((line) -> !line.isBlank())
			.toList();

		Class<?> application = compile(java, directory);
		Path config = directory.resolve("application.yml");
		Files.writeString(config, yaml, StandardCharsets.UTF_8);

		SpringApplication app = new SpringApplication(new DefaultResourceLoader(application.getClassLoader()),
				application);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(application.getClassLoader());
		try (ConfigurableApplicationContext context = app.run("--server.port=0",
				"--spring.config.location=file:" + config.toAbsolutePath())) {
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			Map<String, String> variables = new HashMap<>();
			int sent = 0;
			int lastStatus = 0;
			for (String line : requests) {
				Matcher variable = VARIABLE.matcher(line.strip());
				if (variable.matches()) {
					variables.put(variable.group(1), variable.group(2));
					continue;
				}
				assertThat(line).as("a Quickstart request line").startsWith("curl ");
				Matcher expected = EXPECTED.matcher(line);
				assertThat(expected.find()).as("the expected status in the comment of: " + line).isTrue();
				String command = line.substring(0, expected.start());
				HttpResponse<String> response = send(words(command, variables), port);
				assertThat(response.statusCode()).as(line).isEqualTo(Integer.parseInt(expected.group(1)));
				String body = expected.group(2).strip();
				if (body.startsWith("[") || body.startsWith("{")) {
					assertThat(response.body()).as(line).isEqualTo(body);
				}
				lastStatus = response.statusCode();
				sent++;
			}
			assertThat(sent).as("requests in the Quickstart").isGreaterThanOrEqualTo(2);
			assertThat(lastStatus).as("the Quickstart's last request").isEqualTo(200);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Test
	void quickstartPomUsesThisBuildsVersions() {
		String pom = Readme.block(Readme.read(Readme.root().resolve("README.md")), "quickstart:pom");
		String project = Readme.read(Readme.root().resolve("pom.xml"));
		Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL)
			.matcher(project);
		assertThat(parent.find()).isTrue();
		Matcher version = Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(project);
		assertThat(version.find()).isTrue();
		assertThat(pom).as("the Quickstart's pom.xml")
			.contains("<artifactId>spring-boot-starter-parent</artifactId>")
			.contains("<version>" + parent.group(1) + "</version>")
			.contains("<artifactId>nexios-spring-boot-starter</artifactId>")
			.contains("<version>" + version.group(1) + "</version>")
			.contains("<java.version>17</java.version>")
			.contains("<artifactId>spring-boot-maven-plugin</artifactId>");
	}

	private static Class<?> compile(String java, Path directory) throws IOException, ClassNotFoundException {
		Matcher packageName = PACKAGE.matcher(java);
		Matcher className = CLASS.matcher(java);
		assertThat(packageName.find()).as("a package declaration in the Quickstart's class").isTrue();
		assertThat(className.find()).as("a public class in the Quickstart").isTrue();
		String name = packageName.group(1) + "." + className.group(1);
		Path sources = Files.createDirectories(directory.resolve("src"));
		Path classes = Files.createDirectories(directory.resolve("classes"));
		Path source = sources.resolve(className.group(1) + ".java");
		Files.writeString(source, java, StandardCharsets.UTF_8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler").isNotNull();
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		StringWriter output = new StringWriter();
		try (var fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
			boolean compiled = compiler
				.getTask(output, fileManager, null,
						List.of("-proc:none", "--release", "17", "-classpath", classPath, "-d", classes.toString()),
						null, fileManager.getJavaFileObjectsFromFiles(List.of(source.toFile())))
				.call();
			assertThat(compiled).as("the Quickstart's class compiles:\n" + output).isTrue();
		}
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				ReadmeQuickstartTest.class.getClassLoader());
		return loader.loadClass(name);
	}

	/**
	 * The words of a shell command line: single quotes literal, double quotes with {@code $NAME}
	 * expanded.
	 */
	private static List<String> words(String command, Map<String, String> variables) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < command.length(); i++) {
			char c = command.charAt(i);
			if (quote == 0 && Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
				continue;
			}
			if (word == null) {
				word = new StringBuilder();
			}
			if (quote == 0 && (c == '\'' || c == '"')) {
				quote = c;
			}
			else if (c == quote) {
				quote = 0;
			}
			else if (c == '$' && quote != '\'') {
				int end = i + 1;
				while (end < command.length() && (Character.isLetterOrDigit(command.charAt(end)) || command.charAt(end) == '_')) {
					end++;
				}
				String name = command.substring(i + 1, end);
				assertThat(variables).as("variable $" + name + " set in the Quickstart").containsKey(name);
				word.append(variables.get(name));
				i = end - 1;
			}
			else {
				word.append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

	/**
	 * Sends what a {@code curl} command line asks for: {@code -H}, {@code -X}, {@code -d} and the URL
	 * ({@code http://localhost:8080} becomes the test's port); output options are ignored.
	 */
	private static HttpResponse<String> send(List<String> words, int port) throws IOException, InterruptedException {
		String method = null;
		String body = null;
		String url = null;
		List<String> headers = new ArrayList<>();
		for (int i = 1; i < words.size(); i++) {
			String word = words.get(i);
			switch (word) {
				case "-H" -> headers.add(words.get(++i));
				case "-X" -> method = words.get(++i);
				case "-d" -> body = words.get(++i);
				case "-o", "-w" -> i++;
				case "-s", "-i" -> {
				}
				default -> {
					assertThat(word).as("a curl option the test understands, or the URL").startsWith("http://localhost:8080/");
					url = word.replace("http://localhost:8080", "http://localhost:" + port);
				}
			}
		}
		assertThat(url).as("the URL of " + words).isNotNull();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		for (String header : headers) {
			int colon = header.indexOf(':');
			request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
		}
		if (body != null) {
			if (headers.stream().noneMatch((header) -> header.toLowerCase(Locale.ROOT).startsWith("content-type:"))) {
				request.header("Content-Type", "application/x-www-form-urlencoded");   // as curl -d
			}
			request.method((method != null) ? method : "POST", HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method((method != null) ? method : "GET", HttpRequest.BodyPublishers.noBody());
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
