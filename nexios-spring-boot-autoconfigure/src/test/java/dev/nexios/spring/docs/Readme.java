package dev.nexios.spring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's Markdown files, read from the working tree (tests run in the module's directory).
 */
final class Readme {

	private Readme() {
	}

	/** The repository's root directory: the parent of this module's directory. */
	static Path root() {
		Path module = Path.of("").toAbsolutePath();
		Path root = Files.exists(module.resolve("README.md")) && Files.isDirectory(module.resolve("docs")) ? module
				: module.getParent();
		if (!Files.exists(root.resolve("README.md"))) {
			throw new IllegalStateException("README.md not found from " + module);
		}
		return root;
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The content of the fenced code block that follows the HTML comment {@code <!-- marker -->}.
	 */
	static String block(String markdown, String marker) {
		Matcher matcher = Pattern
			.compile("<!-- " + Pattern.quote(marker) + " -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL)
			.matcher(markdown);
		if (!matcher.find()) {
			throw new AssertionError("no code block marked <!-- " + marker + " --> in README.md");
		}
		String block = matcher.group(1);
		if (matcher.find()) {
			throw new AssertionError("two code blocks marked <!-- " + marker + " --> in README.md");
		}
		return block + "\n";
	}

}
