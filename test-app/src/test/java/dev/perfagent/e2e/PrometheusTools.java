package dev.perfagent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code prometheus} package: the server and {@code promtool}. Without it the tests that
 * need it fail in CI ({@code CI=true}, which .ci/run sets after installing it) and are skipped
 * elsewhere, with a message.
 */
final class PrometheusTools {
  private PrometheusTools() {}

  /** The {@code deploy/} folder of the repository. */
  static Path deploy() {
    Path deploy = Paths.get(System.getProperty("deploy.dir", "../deploy")).toAbsolutePath().normalize();
    if (!Files.isDirectory(deploy)) {
      throw new IllegalStateException(deploy + " does not exist");
    }
    return deploy;
  }

  /** The installed binary {@code name} ({@code promtool}, {@code prometheus}), or a skip (a failure in CI). */
  static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Paths.get(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = name + " is not installed; install Debian's prometheus package (apt-get install -y prometheus;"
        + " .ci/run does)";
    if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("ci")) {
      throw new IllegalStateException(message + ": the Prometheus tests cannot run in CI without it");
    }
    Assumptions.abort(message + "; skipping the Prometheus tests");
    throw new AssertionError("unreachable");
  }

  /** Runs {@code command} in {@code dir}; its exit code and output (stdout and stderr together). */
  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end in 120 s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The exit code and output of a command. */
  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ":\n" + output;
    }
  }

  /** {@code args} after {@code first}. */
  static String[] command(Path first, String... args) {
    List<String> command = new ArrayList<>(List.of(first.toString()));
    command.addAll(List.of(args));
    return command.toArray(new String[0]);
  }
}
