package dev.perfagent.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for rendering the HTML report as a browser does. Without it the
 * tests that need it fail in CI ({@code CI=true}) and are skipped elsewhere, with a message.
 */
final class Chromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  /** A guard against a hung browser, not a timing assertion: rendering takes a few seconds. */
  private static final long GIVE_UP_SECONDS = 180;

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  static Chromium findOrSkip() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : NAMES) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return new Chromium(p);
        }
      }
    }
    String message = "no chromium on the PATH (apt-get install chromium)";
    if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("ci")) {
      throw new IllegalStateException(message + ": the browser tests cannot run in CI without it");
    }
    Assumptions.abort(message + "; skipping the browser test");
    return null;
  }

  /** Loads {@code page}, lets its scripts run, and returns the DOM as it then is. */
  String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path log = work.resolve("chromium.log");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
        "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
        .redirectError(log.toFile())
        .start();
    byte[] dom = p.getInputStream().readAllBytes();
    if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("chromium did not finish; its log: " + log);
    }
    if (p.exitValue() != 0 || dom.length == 0) {
      throw new IllegalStateException("chromium exited with " + p.exitValue() + ": "
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new String(dom, StandardCharsets.UTF_8);
  }
}
