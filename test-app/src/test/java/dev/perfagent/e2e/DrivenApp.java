package dev.perfagent.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test application started with its standard input open, driven one command line at a time
 * (see {@code reload.ReloadMain}): each command is answered by a line {@code ok} on its output.
 */
final class DrivenApp implements AutoCloseable {
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Process process;
  private final Path workDir;
  private final OutputStream commands;
  private int answered;

  private DrivenApp(Process process, Path workDir) {
    this.process = process;
    this.workDir = workDir;
    this.commands = process.getOutputStream();
  }

  /** Starts {@code mainClass} of the test classes with the agent, then {@code after} (another agent). */
  static DrivenApp start(Path workDir, String agentArgument, List<String> after, String mainClass)
      throws IOException, InterruptedException {
    DrivenApp app =
        new DrivenApp(
            AppRun.start(AppRun.defaultJava(), workDir, List.of(), agentArgument, after, Map.of(),
                AppRun.main(System.getProperty("java.class.path"), mainClass)),
            workDir);
    app.awaitOutput(out -> out.contains("ready\n"), "ready");
    return app;
  }

  /** Sends {@code command} and waits for its {@code ok}. */
  void send(String command) throws IOException, InterruptedException {
    commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    commands.flush();
    int expected = ++answered;
    awaitOutput(out -> out.split("(?m)^ok$", -1).length - 1 >= expected, "ok after " + command);
  }

  String stdout() throws IOException {
    return Files.readString(workDir.resolve("stdout.txt"));
  }

  String stderr() throws IOException {
    return Files.readString(workDir.resolve("stderr.txt"));
  }

  /** Waits until the agent's log (standard error) satisfies {@code condition}. */
  void awaitLog(Predicate<String> condition, String what) throws IOException, InterruptedException {
    await(() -> condition.test(stderr()), what);
  }

  private void awaitOutput(Predicate<String> condition, String what) throws IOException, InterruptedException {
    await(() -> condition.test(stdout()), what);
  }

  private void await(Check check, String what) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    while (!check.holds()) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError("waited in vain for " + what + ":\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr());
      }
      Thread.sleep(20);
    }
  }

  /** Sends {@code quit} and waits for the process to end. */
  AppRun quit() throws IOException, InterruptedException {
    send("quit");
    commands.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the app did not end after quit:\n" + stderr());
    }
    return AppRun.finished(process, workDir);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private interface Check {
    boolean holds() throws IOException;
  }
}
