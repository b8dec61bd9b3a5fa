package dev.nexios.spring.web.servlet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests: a cluster in a temporary directory on a free port,
 * created with the {@code initdb} and {@code pg_ctl} of Debian's {@code postgresql} package (under
 * {@code /usr/lib/postgresql/<version>/bin/}), started once per test JVM on first use and stopped,
 * and its directory deleted, when the JVM exits. PostgreSQL refuses to run as root: as root the
 * cluster belongs to, and runs as, the user {@code postgres} ({@code runuser}).
 *
 * <p>Without PostgreSQL the tests that need it are skipped with a message, except on CI
 * ({@code CI=true}), where they fail.
 */
final class TestPostgres {

	static final String DATABASE = "postgres";

	static final String USER = "nexios";

	private static TestPostgres instance;

	private static String unavailable;

	private final Path bin;

	private final Path directory;

	private final int port;

	private final boolean asPostgresUser;

	private TestPostgres(Path bin) throws IOException {
		this.bin = bin;
		this.asPostgresUser = "root".equals(System.getProperty("user.name"));
		this.directory = Files.createTempDirectory("nexios-pg");
		this.port = freePort();
		if (this.asPostgresUser) {
			UserPrincipalLookupService users = this.directory.getFileSystem().getUserPrincipalLookupService();
			UserPrincipal postgres = users.lookupPrincipalByName("postgres");
			Files.setOwner(this.directory, postgres);
		}
		Path data = this.directory.resolve("data");
		run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
				"-E", "UTF8", "--no-locale", "--no-sync"));
		start();
		Runtime.getRuntime().addShutdownHook(new Thread(this::destroy, "test-postgres-stop"));
	}

	/**
	 * The server, started on first use; skips the calling test (fails it on CI) without PostgreSQL.
	 */
	static synchronized TestPostgres get() {
		if (instance == null && unavailable == null) {
			Path bin = binaries();
			if (bin == null) {
				unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's "
						+ "postgresql package to run the PostgreSQL tests";
			}
			else {
				try {
					instance = new TestPostgres(bin);
				}
				catch (IOException | RuntimeException ex) {
					unavailable = "PostgreSQL could not be started from " + bin + ": " + ex.getMessage();
				}
			}
		}
		if (instance == null) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(unavailable + " (CI=true: the PostgreSQL tests must run)");
			}
			Assumptions.abort(unavailable);
		}
		return instance;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	void start() {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-w", "-t",
				"60", "-l", this.directory.resolve("server.log").toString(), "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1 -c fsync=off "
						+ "-c synchronous_commit=off -c full_page_writes=off",
				"start"));
	}

	void stop() {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-w", "-m",
				"fast", "stop"));
	}

	private void destroy() {
		try {
			run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-w",
					"-m", "immediate", "stop"));
		}
		catch (RuntimeException ex) {
			// already stopped
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// best effort
		}
	}

	private void run(List<String> command) {
		List<String> full = new ArrayList<>();
		if (this.asPostgresUser) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The bin directory of the newest installed PostgreSQL version.
	 */
	private static Path binaries() {
		File[] versions = new File("/usr/lib/postgresql").listFiles();
		if (versions == null) {
			return null;
		}
		return Arrays.stream(versions)
			.filter((version) -> version.getName().matches("\\d+"))
			.sorted(Comparator.comparingInt((File version) -> Integer.parseInt(version.getName())).reversed())
			.map((version) -> version.toPath().resolve("bin"))
			.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
			.findFirst()
			.orElse(null);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
