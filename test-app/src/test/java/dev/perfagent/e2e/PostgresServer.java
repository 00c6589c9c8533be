package dev.perfagent.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server from Debian's packages ({@code /usr/lib/postgresql/<version>/bin}):
 * a temporary data directory, a free loopback port, a database {@code returns}, stopped and deleted
 * by {@link #close}. Run as root (a CI container), the server runs as the {@code postgres} user,
 * since PostgreSQL refuses to run as root.
 *
 * <p>Without PostgreSQL installed the tests that need it fail in CI ({@code CI=true}, which CI
 * services set, or {@code -Dci=true}) and are skipped elsewhere, in both cases saying so.
 */
final class PostgresServer implements AutoCloseable {
  static final String DATABASE = "returns";
  static final String USER = "perfagent";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Starts a server, or fails (in CI) or skips the test (elsewhere) when PostgreSQL is not installed. */
  static PostgresServer start() throws IOException, InterruptedException {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      String message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install it with"
          + " apt-get install -y postgresql (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("ci")) {
        throw new IllegalStateException(message + ": the PostgreSQL tests cannot run in CI without it");
      }
      Assumptions.abort(message + "; skipping the PostgreSQL tests");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Paths.get("/tmp"), "perf-agent-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    PostgresServer server = new PostgresServer(bin.get(), dir, freePort(), root);
    if (root) {
      server.exec(List.of("chown", "postgres", dir.toString()), false);
    }
    server.exec(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
        "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"), true);
    server.exec(List.of(bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
        "-l", dir.resolve("log").toString(), "-w", "-t", "60", "-o",
        "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
    server.exec(List.of(bin.get().resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
        String.valueOf(server.port), "-U", USER, DATABASE), true);
    return server;
  }

  int port() {
    return port;
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
          "-w", "stop"), true);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Optional<Path> binaries() throws IOException {
    Path root = Paths.get("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())));
    }
  }

  private static int version(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void exec(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asServerUser && asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path out = Files.createTempFile("perf-agent-pg-", ".out");
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(String.join(" ", full) + " did not finish in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "):\n"
            + new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
