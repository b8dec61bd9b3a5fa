package dev.nexios.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
 */
public record ConformanceReport(String source, List<String> operations, List<ConformanceCell> cells) {

	private static final String[] COLUMNS = { "Operation", "Check", "Credentials sent", "Expected", "Actual",
			"Result" };

	public ConformanceReport {
		operations = List.copyOf(operations);
		cells = List.copyOf(cells);
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
		return this.operations.size() + " operations, " + this.cells.size() + " requests: " + passed().size()
				+ " passed, " + mismatches + ((mismatches == 1) ? " mismatch, " : " mismatches, ") + skipped().size()
				+ " skipped";
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
		if (!mismatches().isEmpty()) {
			md.append("\n## Mismatches\n\n");
			table(md, mismatches(), true);
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
	 * Writes the report: JSON if the file name ends with {@code .json}, Markdown otherwise. Parent
	 * directories are created.
	 * @param file the file to write
	 */
	public void writeTo(Path file) {
		String text = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? toJson()
				: toMarkdown();
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
