package dev.nexios.spring.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.nexios.spring.autoconfigure.NexiosSecurityProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md and {@code docs/*.md} stay true to the code and to themselves: every relative link points
 * to a file that exists and, with a {@code #fragment}, to a heading of it; every {@code nexios.security.*}
 * property that {@code docs/configuration.md} names exists in the generated configuration metadata.
 */
class DocsConsistencyTest {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

	private static final List<String> FLOWS = List.of("implicit", "password", "client-credentials",
			"authorization-code");

	@Test
	void everyRelativeLinkPointsToAnExistingFileAndHeading() throws IOException {
		Path root = Readme.root();
		List<Path> pages = new ArrayList<>();
		pages.add(root.resolve("README.md"));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		assertThat(pages).hasSizeGreaterThan(5);
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path page : pages) {
			for (String line : prose(Readme.read(page))) {
				Matcher link = LINK.matcher(line);
				while (link.find()) {
					String target = link.group(1);
					if (target.matches("^[a-z]+:.*")) {
						continue;   // http(s):, mailto: — not checked here
					}
					checked++;
					int hash = target.indexOf('#');
					String file = (hash >= 0) ? target.substring(0, hash) : target;
					String fragment = (hash >= 0) ? target.substring(hash + 1) : null;
					Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
					String where = root.relativize(page) + ": " + target;
					if (!Files.exists(resolved)) {
						broken.add(where + " (no such file)");
					}
					else if (fragment != null && !anchors(resolved).contains(fragment)) {
						broken.add(where + " (no such heading; headings: " + anchors(resolved) + ")");
					}
				}
			}
		}
		assertThat(checked).as("relative links checked").isGreaterThan(20);
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void everyPropertyOfTheConfigurationPageExists() {
		String page = Readme.read(Readme.root().resolve("docs/configuration.md"));
		Set<String> metadata = metadataNames();
		Set<String> named = new LinkedHashSet<>();
		for (String line : prose(page)) {
			if (line.startsWith("| `nexios.security.")) {
				// the first column of the properties table: "a" or "a / .b / .c" (siblings of a's last segment)
				String cell = line.substring(1, line.indexOf('|', 1)).strip();
				String first = null;
				for (String part : cell.split(" / ")) {
					String name = part.strip().replace("`", "");
					if (first == null) {
						first = name;
						named.add(name);
					}
					else {
						named.add(first.substring(0, first.lastIndexOf('.')) + name);
					}
				}
			}
			else {
				Matcher span = CODE_SPAN.matcher(line);
				while (span.find()) {
					if (span.group(1).startsWith("nexios.security.")) {
						named.add(span.group(1));
					}
				}
			}
		}
		assertThat(named).as("properties named on the configuration page").hasSizeGreaterThan(25);
		List<String> unknown = named.stream().filter((name) -> !exists(name, metadata)).toList();
		assertThat(unknown).as("properties of docs/configuration.md that the metadata does not have").isEmpty();
	}

	private static boolean exists(String documented, Set<String> metadata) {
		String name = documented.replaceAll("=.*$", "")
			.replaceAll("\\[\\d+]\\..*$", "")           // default-requirements[0].oauth2 → default-requirements
			.replaceAll("\\.\\*$", "")                 // nexios.security.* → nexios.security
			.replaceAll("^nexios\\.security\\.schemes\\.[^.]+\\.", "nexios.security.schemes.*.")
			.replace("[i]", "[*]")
			.replaceAll("\\.scopes\\.<scope>$", ".scopes");
		if (name.equals("nexios.security")) {
			return true;
		}
		if (name.endsWith(".<field>")) {   // the notation the page explains: any field of a scheme
			String prefix = name.substring(0, name.length() - "<field>".length());
			return metadata.stream().anyMatch((known) -> known.startsWith(prefix));
		}
		if (name.contains("<flow>")) {
			return FLOWS.stream().anyMatch((flow) -> metadata.contains(name.replace("<flow>", flow)));
		}
		return metadata.contains(name)
				|| metadata.stream().anyMatch((known) -> known.startsWith(name + ".") || known.startsWith(name + "["));
	}

	/** The property names of the starter's generated metadata. */
	private static Set<String> metadataNames() {
		try {
			Enumeration<URL> resources = DocsConsistencyTest.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode metadata = JsonMapper.builder().build().readTree(in);
					if (metadata.path("groups").findValuesAsString("sourceType")
						.contains(NexiosSecurityProperties.class.getName())) {
						Set<String> names = new LinkedHashSet<>();
						metadata.path("properties").forEach((property) -> names.add(property.path("name").asString()));
						return names;
					}
				}
			}
			throw new AssertionError("no generated metadata for " + NexiosSecurityProperties.class.getName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The lines of a Markdown page outside fenced code blocks. */
	private static List<String> prose(String markdown) {
		List<String> lines = new ArrayList<>();
		boolean fenced = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.strip().startsWith("```")) {
				fenced = !fenced;
			}
			else if (!fenced) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** The anchors GitHub gives the headings of a Markdown page. */
	private static Set<String> anchors(Path page) {
		Set<String> anchors = new LinkedHashSet<>();
		for (String line : prose(Readme.read(page))) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String anchor = heading.group(1).strip().toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
					.replace(' ', '-');
				String unique = anchor;
				for (int i = 1; anchors.contains(unique); i++) {
					unique = anchor + "-" + i;
				}
				anchors.add(unique);
			}
		}
		return anchors;
	}

}
