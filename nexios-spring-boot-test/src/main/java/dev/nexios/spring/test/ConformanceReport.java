package dev.nexios.spring.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.nexios.spring.test.ConformanceCell.Result;

/**
 * The result of a conformance run: every cell of the matrix, grouped by operation in document order.
 *
 * @param source where the document was read, e.g. {@code /v3/api-docs}
 * @param operations every operation of the document, {@code METHOD /path}, in document order
 * @param cells every cell, in the order of {@code operations}
 * @param duration how long the run took (reading the document, planning and sending)
 */
public record ConformanceReport(String source, List<String> operations, List<ConformanceCell> cells,
		Duration duration) {

	private static final String[] COLUMNS = { "Operation", "Check", "Credentials sent", "Expected", "Actual",
			"Result" };

	public ConformanceReport {
		operations = List.copyOf(operations);
		cells = List.copyOf(cells);
	}

	/**
	 * A report without a measured duration (zero).
	 * @param source where the document was read
	 * @param operations every operation of the document
	 * @param cells every cell
	 */
	public ConformanceReport(String source, List<String> operations, List<ConformanceCell> cells) {
		this(source, operations, cells, Duration.ZERO);
	}

	/**
	 * The cells whose request security let through but that did not reach the operation (e.g. 400).
	 * @return the cells not exercised
	 */
	public List<ConformanceCell> notExercised() {
		return withResult(Result.NOT_EXERCISED);
	}

	/**
	 * The skipped cells counted by reason (the note), most frequent first.
	 * @return reason to count
	 */
	public Map<String, Long> skipReasons() {
		Map<String, Long> counts = skipped().stream()
			.collect(Collectors.groupingBy(ConformanceCell::note, LinkedHashMap::new, Collectors.counting()));
		Map<String, Long> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	/**
	 * The cells whose answer breaks the document's promise.
	 * @return the mismatches
	 */
	public List<ConformanceCell> mismatches() {
		return withResult(Result.MISMATCH);
	}

	/**
	 * The cells that were not sent, each with the reason in its note.
	 * @return the skipped cells
	 */
	public List<ConformanceCell> skipped() {
		return withResult(Result.SKIPPED);
	}

	/**
	 * The cells whose answer keeps the document's promise.
	 * @return the passed cells
	 */
	public List<ConformanceCell> passed() {
		return withResult(Result.PASSED);
	}

	private List<ConformanceCell> withResult(Result result) {
		return this.cells.stream().filter((cell) -> cell.result() == result).toList();
	}

	/**
	 * A one-line summary: operations, cells, passed, mismatches, skipped.
	 * @return the summary
	 */
	public String summary() {
		int mismatches = mismatches().size();
		int notExercised = notExercised().size();
		return this.operations.size() + " operations, " + this.cells.size() + " requests: " + passed().size()
				+ " passed, " + mismatches + ((mismatches == 1) ? " mismatch, " : " mismatches, ") + skipped().size()
				+ " skipped" + ((notExercised > 0) ? ", " + notExercised + " not exercised" : "");
	}

	/**
	 * What a console shows: the summary with the duration, the mismatches as a table, the skipped cells
	 * counted by reason and the cells not exercised.
	 * @return the text
	 */
	public String toConsole() {
		String nl = System.lineSeparator();
		StringBuilder text = new StringBuilder("Security conformance of " + this.source + nl);
		text.append(summary())
			.append(String.format(Locale.ROOT, " in %.1f s", this.duration.toMillis() / 1000.0))
			.append(nl);
		if (!mismatches().isEmpty()) {
			text.append(nl).append("Mismatches:").append(nl).append(mismatchTable());
		}
		if (!skipped().isEmpty()) {
			text.append(nl).append("Skipped, by reason:").append(nl);
			skipReasons().forEach((reason, count) -> text.append(String.format(Locale.ROOT, "%6d  %s", count, reason))
				.append(nl));
		}
		if (!notExercised().isEmpty()) {
			text.append(nl).append("Not exercised (security let them through, the operation refused them):").append(nl);
			notExercised().stream()
				.limit(20)
				.forEach((cell) -> text.append("  ")
					.append(cell.operation())
					.append(" | ")
					.append(cell.check())
					.append(" | ")
					.append(cell.status())
					.append(nl));
		}
		return text.toString();
	}

	/**
	 * The report as JUnit XML (the format CI servers read): one {@code testsuite}, one {@code testcase}
	 * per cell named by operation ({@code classname}) and check; a mismatch is a {@code failure}, a
	 * skipped cell and a cell not exercised are {@code skipped} with the reason.
	 * @return the XML text
	 */
	public String toJUnitXml() {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("testsuite");
			xml.writeAttribute("name", "nexios-conformance");
			xml.writeAttribute("tests", Integer.toString(this.cells.size()));
			xml.writeAttribute("failures", Integer.toString(mismatches().size()));
			xml.writeAttribute("errors", "0");
			xml.writeAttribute("skipped", Integer.toString(skipped().size() + notExercised().size()));
			xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", this.duration.toMillis() / 1000.0));
			xml.writeCharacters("\n");
			xml.writeStartElement("properties");
			xml.writeEmptyElement("property");
			xml.writeAttribute("name", "source");
			xml.writeAttribute("value", this.source);
			xml.writeEndElement();
			xml.writeCharacters("\n");
			for (ConformanceCell cell : this.cells) {
				xml.writeStartElement("testcase");
				xml.writeAttribute("classname", cell.operation());
				xml.writeAttribute("name", cell.check() + " [" + cell.credentials() + "]");
				String outcome = "expected " + ((cell.expected() != null) ? cell.expected().label() : "-") + ", actual "
						+ ((cell.status() != null) ? cell.status() : "-");
				switch (cell.result()) {
					case MISMATCH -> {
						xml.writeStartElement("failure");
						xml.writeAttribute("message", outcome);
						xml.writeAttribute("type", "mismatch");
						xml.writeCharacters(cell.operation() + ": " + cell.check() + " with " + cell.credentials() + ": "
								+ outcome + (cell.note().isEmpty() ? "" : " (" + cell.note() + ")"));
						xml.writeEndElement();
					}
					case SKIPPED, NOT_EXERCISED -> {
						xml.writeEmptyElement("skipped");
						xml.writeAttribute("message",
								((cell.result() == Result.NOT_EXERCISED) ? "not exercised: " : "") + cell.note());
					}
					default -> {
					}
				}
				xml.writeEndElement();
				xml.writeCharacters("\n");
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the JUnit XML report", ex);
		}
		return out.toString();
	}

	/**
	 * The mismatches as a plain-text table, as the assertion error shows them.
	 * @return the table, or an empty string without mismatches
	 */
	public String mismatchTable() {
		List<ConformanceCell> mismatches = mismatches();
		if (mismatches.isEmpty()) {
			return "";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(COLUMNS);
		mismatches.forEach((cell) -> rows.add(row(cell)));
		int[] widths = new int[COLUMNS.length];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		StringBuilder table = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			String[] row = rows.get(r);
			for (int i = 0; i < row.length; i++) {
				table.append((i == 0) ? "" : " | ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
			}
			table.append(System.lineSeparator());
			if (r == 0) {
				for (int i = 0; i < widths.length; i++) {
					table.append((i == 0) ? "" : "-+-").append("-".repeat(widths[i]));
				}
				table.append(System.lineSeparator());
			}
		}
		return table.toString();
	}

	/**
	 * The whole matrix as Markdown: a summary, then one table per operation (every operation of the
	 * document appears, also those without cells).
	 * @return the Markdown text
	 */
	public String toMarkdown() {
		StringBuilder md = new StringBuilder("# Security conformance: OpenAPI document vs. responses\n\n");
		md.append("Document: `").append(this.source).append("`  \n").append(summary()).append("\n\n");
		md.append("Expected: `not 401/403` = the request meets the operation's security (or it is public); ")
			.append("`401` = no security requirement alternative is met; ")
			.append("`403` = authenticated, but a required scope is missing.\n");
		md.append("\n").append(String.format(Locale.ROOT, "Duration: %.1f s", this.duration.toMillis() / 1000.0))
			.append("\n");
		if (!mismatches().isEmpty()) {
			md.append("\n## Mismatches\n\n");
			table(md, mismatches(), true);
		}
		if (!skipped().isEmpty()) {
			md.append("\n## Skipped, by reason\n\n| Requests | Reason |\n|---|---|\n");
			skipReasons().forEach((reason, count) -> md.append("| ").append(count).append(" | ")
				.append(reason.replace("|", "\\|")).append(" |\n"));
		}
		if (!notExercised().isEmpty()) {
			md.append("\n## Not exercised\n\n");
			table(md, notExercised(), true);
		}
		Map<String, List<ConformanceCell>> byOperation = byOperation();
		for (String operation : this.operations) {
			md.append("\n## `").append(operation).append("`\n\n");
			List<ConformanceCell> cells = byOperation.getOrDefault(operation, List.of());
			if (cells.isEmpty()) {
				md.append("No requests.\n");
			}
			else {
				table(md, cells, false);
			}
		}
		return md.toString();
	}

	private Map<String, List<ConformanceCell>> byOperation() {
		Map<String, List<ConformanceCell>> result = new LinkedHashMap<>();
		this.cells.forEach((cell) -> result.computeIfAbsent(cell.operation(), (key) -> new ArrayList<>()).add(cell));
		return result;
	}

	private static void table(StringBuilder md, List<ConformanceCell> cells, boolean withOperation) {
		int from = withOperation ? 0 : 1;
		List<String> columns = new ArrayList<>(List.of(COLUMNS).subList(from, COLUMNS.length));
		columns.add("Note");
		md.append("| ").append(String.join(" | ", columns)).append(" |\n");
		md.append("|").append("---|".repeat(columns.size())).append("\n");
		for (ConformanceCell cell : cells) {
			List<String> values = new ArrayList<>(List.of(row(cell)).subList(from, COLUMNS.length));
			values.add(cell.note());
			md.append("| ")
				.append(String.join(" | ", values.stream().map((value) -> value.replace("|", "\\|")).toList()))
				.append(" |\n");
		}
	}

	private static String[] row(ConformanceCell cell) {
		Function<Object, String> text = (value) -> (value != null) ? value.toString() : "-";
		return new String[] { cell.operation(), cell.check(), cell.credentials(),
				(cell.expected() != null) ? cell.expected().label() : "-", text.apply(cell.status()),
				cell.result().name().toLowerCase(Locale.ROOT) };
	}

	/**
	 * The whole report as JSON: {@code source}, {@code summary}, {@code operations} and {@code cells}
	 * (each with {@code operation}, {@code check}, {@code credentials}, {@code expected},
	 * {@code status}, {@code result}, {@code note}).
	 * @return the JSON text
	 */
	public String toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("source", this.source);
		json.put("summary", summary());
		json.put("durationMillis", this.duration.toMillis());
		json.put("counts", Map.of("operations", this.operations.size(), "requests", this.cells.size(), "passed",
				passed().size(), "mismatches", mismatches().size(), "skipped", skipped().size(), "notExercised",
				notExercised().size()));
		json.put("skipReasons", skipReasons());
		json.put("operations", this.operations);
		json.put("cells", this.cells.stream().map((cell) -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("operation", cell.operation());
			value.put("check", cell.check());
			value.put("credentials", cell.credentials());
			value.put("expected", (cell.expected() != null) ? cell.expected().label() : null);
			value.put("status", cell.status());
			value.put("result", cell.result().name().toLowerCase(Locale.ROOT));
			value.put("note", cell.note());
			return value;
		}).toList());
		try {
			return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the report: JSON if the file name ends with {@code .json}, JUnit XML if it ends with
	 * {@code .xml}, Markdown otherwise. Parent directories are created.
	 * @param file the file to write
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public void writeTo(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		String text = name.endsWith(".json") ? toJson() : name.endsWith(".xml") ? toJUnitXml() : toMarkdown();
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the conformance report to " + file, ex);
		}
	}

}
