package dev.perfagent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Runs the test-app in its own JVM, with the real shaded agent jar, and keeps what it printed. */
final class AppRun {
  final int exitCode;
  final String stdout;
  final String stderr;

  private AppRun(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static Path agentJar() {
    return existing(System.getProperty("perf.agent.jar", "../agent/target/perf-agent.jar"));
  }

  static Path appJar() {
    return existing(System.getProperty("test.app.jar", "target/test-app.jar"));
  }

  static Path appConfig() {
    return existing(System.getProperty("test.app.config", "perf-agent.yaml"));
  }

  /** Another agent's jar, fetched from Maven Central by the build (see test-app/pom.xml). */
  static Path otherAgentJar(String property) {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException("-D" + property + " not set; run the end-to-end tests with mvn verify");
    }
    return existing(path);
  }

  static Path defaultJava() {
    return Paths.get(System.getProperty("java.home"), "bin", "java");
  }

  /** The java of {@link #java25}; the test is skipped when there is none. */
  static Path java25OrSkip() throws IOException {
    Optional<Path> java25 = java25();
    Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 beside " + System.getProperty("java.home"));
    return java25.get();
  }

  /** A JDK 25 installed beside the one running the tests (e.g. under /usr/lib/jvm), if any. */
  private static Optional<Path> java25() throws IOException {
    Path home = Paths.get(System.getProperty("java.home")).toRealPath();
    Path parent = home.getParent();
    if (parent == null) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(parent)) {
      return dirs.filter(d -> d.getFileName().toString().matches(".*(^|[^0-9])25([^0-9]|$).*"))
          .map(d -> d.resolve("bin").resolve("java"))
          .filter(Files::isExecutable)
          .sorted(Comparator.naturalOrder())
          .findFirst();
    }
  }

  static AppRun run(
      Path java, Path workDir, String agentArgument, Map<String, String> environment,
      String... appArgs) throws IOException, InterruptedException {
    return run(java, workDir, List.of(), agentArgument, List.of(), environment, appArgs);
  }

  /** As {@link #run(Path, Path, String, Map, String...)}, with {@code jvmOptions} such as {@code -Xmx64m}. */
  static AppRun run(
      Path java, List<String> jvmOptions, Path workDir, String agentArgument, Map<String, String> environment,
      String... appArgs) throws IOException, InterruptedException {
    return run(java, workDir, jvmOptions, agentArgument, List.of(), environment, appArgs);
  }

  /**
   * @param before JVM options before perf-agent's {@code -javaagent} (another agent loaded first)
   * @param after JVM options after it (another agent loaded second)
   */
  static AppRun run(
      Path java, Path workDir, List<String> before, String agentArgument, List<String> after,
      Map<String, String> environment, String... appArgs) throws IOException, InterruptedException {
    List<String> launch = new ArrayList<>(List.of("-jar", appJar().toString()));
    launch.addAll(List.of(appArgs));
    return launch(java, workDir, before, agentArgument, after, environment, launch);
  }

  /** {@code java -jar perf-agent.jar ARGS}: one of the agent jar's commands (report, compare, ...). */
  static AppRun agentCommand(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> launch = new ArrayList<>(List.of("-jar", agentJar().toString()));
    launch.addAll(List.of(args));
    return launch(defaultJava(), workDir, List.of(), null, List.of(), Map.of(), launch);
  }

  /**
   * Runs {@code mainClass} of the test classes (the small apps beside the test-app) with the test
   * class path; {@code agentArgument} null runs it without the agent.
   */
  static AppRun runMain(Path java, Path workDir, String agentArgument, String mainClass, String... args)
      throws IOException, InterruptedException {
    return runMainWithClassPath(java, workDir, agentArgument, System.getProperty("java.class.path"), mainClass, args);
  }

  /** As {@link #runMain}, with JVM options (before {@code -javaagent}) and environment variables. */
  static AppRun runMain(
      Path java, List<String> jvmOptions, Path workDir, String agentArgument, Map<String, String> environment,
      String mainClass, String... args) throws IOException, InterruptedException {
    return launch(java, workDir, jvmOptions, agentArgument, List.of(), environment,
        main(System.getProperty("java.class.path"), mainClass, args));
  }

  /** As {@link #runMain}, with another class path than the test class path. */
  static AppRun runMainWithClassPath(
      Path java, Path workDir, String agentArgument, String classPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    return launch(java, workDir, List.of(), agentArgument, List.of(), Map.of(), main(classPath, mainClass, args));
  }

  static List<String> main(String classPath, String mainClass, String... args) {
    List<String> launch = new ArrayList<>(List.of("-cp", classPath, mainClass));
    launch.addAll(List.of(args));
    return launch;
  }

  /**
   * Runs {@code mainClass} of the test classes until it prints {@code ready}, then stops it as a
   * service manager would, with SIGTERM; fails unless it has ended 30 s later.
   */
  static AppRun runMainUntilTerminated(
      Path java, Path workDir, String agentArgument, String ready, String mainClass, String... args)
      throws IOException, InterruptedException {
    return startMain(java, workDir, agentArgument, Map.of(), ready, mainClass, args).terminate();
  }

  /**
   * Starts {@code mainClass} of the test classes with {@code environment} and returns once it has
   * printed {@code ready} (fails if it does not within 120 s); {@link Running#terminate} stops it.
   */
  static Running startMain(
      Path java, Path workDir, String agentArgument, Map<String, String> environment, String ready,
      String mainClass, String... args) throws IOException, InterruptedException {
    Process process =
        start(java, workDir, List.of(), agentArgument, List.of(), environment,
            main(System.getProperty("java.class.path"), mainClass, args));
    Path out = workDir.resolve("stdout.txt");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!new String(Files.readAllBytes(out), StandardCharsets.UTF_8).contains(ready)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("the app never printed '" + ready + "':\n" + finished(process, workDir));
      }
      Thread.sleep(50);
    }
    return new Running(process, workDir);
  }

  /** An app started by {@link #startMain}, still running. */
  static final class Running {
    private final Process process;
    private final Path workDir;

    private Running(Process process, Path workDir) {
      this.process = process;
      this.workDir = workDir;
    }

    /** What it printed so far. */
    AppRun sofar() throws IOException {
      return new AppRun(-1, read(workDir.resolve("stdout.txt")), read(workDir.resolve("stderr.txt")));
    }

    /** Stops it as a service manager would, with SIGTERM; fails unless it has ended 30 s later. */
    AppRun terminate() throws IOException, InterruptedException {
      process.destroy(); // SIGTERM
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("SIGTERM did not stop the app in 30 s:\n" + finished(process, workDir));
      }
      return finished(process, workDir);
    }
  }

  private static AppRun launch(
      Path java, Path workDir, List<String> before, String agentArgument, List<String> after,
      Map<String, String> environment, List<String> launch) throws IOException, InterruptedException {
    Process process = start(java, workDir, before, agentArgument, after, environment, launch);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the app did not finish in 180 s: " + process.info().commandLine().orElse(""));
    }
    return finished(process, workDir);
  }

  static Process start(
      Path java, Path workDir, List<String> before, String agentArgument, List<String> after,
      Map<String, String> environment, List<String> launch) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(before);
    if (agentArgument != null) {
      command.add("-javaagent:" + agentJar() + (agentArgument.isEmpty() ? "" : "=" + agentArgument));
    }
    command.addAll(after);
    command.addAll(launch);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("PERF_AGENT"));
    builder.environment().putAll(environment);
    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return builder.start();
  }

  static AppRun finished(Process process, Path workDir) throws IOException {
    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    return new AppRun(process.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** The app's {@code counters: a=1 b=2} line: what it really did. */
  Map<String, Long> counters() {
    for (String line : stdout.split("\n")) {
      if (line.startsWith("counters:")) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String pair : line.substring("counters:".length()).trim().split("\\s+")) {
          String[] kv = pair.split("=");
          counters.put(kv[0], Long.parseLong(kv[1]));
        }
        return counters;
      }
    }
    throw new AssertionError("no counters line in the app's output:\n" + this);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }

  private static Path existing(String path) {
    Path p = Paths.get(path).toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " does not exist; build with mvn package first");
    }
    return p;
  }
}
