package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configurations and hostile values through the real jar ({@code hostile.HostileMain},
 * configs in {@code src/test/resources/hostile/}): for each, the application prints exactly what it
 * prints without the agent, ends in bounded time (AppRun gives up after 180 s), and the agent is
 * alive at the end (its exit summary) with the messages the rules promise.
 */
class HostileAppIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (?:(\\d+) exported, (\\d+) dropped|nothing to export)");
  private static String withoutAgent;

  @TempDir Path work;

  @BeforeAll
  static void runWithoutAgent(@TempDir Path dir) throws Exception {
    AppRun run = AppRun.runMain(AppRun.defaultJava(), dir, null, "hostile.HostileMain");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("done"), run.toString());
    withoutAgent = run.stdout;
  }

  private static Path copyConfig(String config, Path dir) throws IOException {
    Path file = dir.resolve(config);
    try (InputStream in = HostileAppIT.class.getResourceAsStream("/hostile/" + config)) {
      Files.copy(in, file);
    }
    return file;
  }

  private AppRun runWith(String config) throws IOException, InterruptedException {
    Path file = copyConfig(config, work);
    AppRun run = AppRun.runMain(AppRun.defaultJava(), work, "config=" + file, "hostile.HostileMain");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(withoutAgent, run.stdout, "the application's own output is unchanged\n" + run.stderr);
    assertTrue(SUMMARY.matcher(run.stderr).find(), "the agent is alive at exit:\n" + run.stderr);
    return run;
  }

  @Test
  void hostileValuesCostTheirAttributeNeverTheSpan() throws Exception {
    AppRun run = runWith("values.yaml");
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    List<ReceivedSpan> takes = spans.stream().filter(s -> s.name.endsWith(".take")).collect(Collectors.toList());
    assertEquals(4, takes.size(), "one span per value, however hostile: " + spans.size() + " spans\n" + run.stderr);
    for (ReceivedSpan take : takes) {
      assertEquals("values", take.attribute("name"), "the other attributes survive: " + take);
    }
    assertTrue(takes.stream().anyMatch(s -> s.attribute("value") == null), "a value that cannot be read is left out");
    assertTrue(takes.stream().anyMatch(s -> List.of("value").equals(s.attribute("perf_agent.truncated"))),
        "the 2,000,000-char text is cut and marked");
    assertTrue(spans.stream().noneMatch(s -> s.name.endsWith(".toString")),
        "the application never calls these toString methods; the agent's own calls are not recorded");
    ReceivedSpan fail = spans.stream().filter(s -> s.name.endsWith(".fail")).findFirst().orElseThrow();
    assertEquals("STATUS_CODE_ERROR", fail.statusCode);
    assertEquals("hostile.HostileMain$HostileException", fail.attribute("error.type"));
    Matcher m = SUMMARY.matcher(run.stderr);
    assertTrue(m.find());
    assertEquals(m.group(1), m.group(2), "every span recorded is exported, after the caught stack overflow too");
  }

  @Test
  void patternsNeverReachTheJdkAndExactJdkNamesOutsideTheAllowedPackagesAreRefused() throws Exception {
    AppRun run = runWith("jdk-wide.yaml");
    for (String refused : List.of("java.lang.ThreadLocal", "java.lang.Object", "java.lang.StringBuilder")) {
      assertTrue(run.stderr.contains(refused + " is part of the JDK the agent itself runs on"), run.stderr);
    }
    assertTrue(run.stderr.contains("perf-agent: 0 spans recorded, nothing to export"), "no JDK method made a span\n"
        + run.stderr);
    assertFalse(Files.exists(work.resolve("perf-agent-traces.jsonl")), "nothing to export, no file");
    assertFalse(run.stderr.contains("could not weave"), run.stderr);
  }

  @Test
  void everyMethodOfEveryClassIsBoundedByTheClassLimit() throws Exception {
    AppRun run = runWith("app-wide.yaml");
    assertTrue(run.stderr.contains("matches more than 3 classes (limits.classes-per-pointcut)"), run.stderr);
    Map<String, Long> byPointcut = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl")).stream()
        .collect(Collectors.groupingBy(s -> s.function().substring(0, s.function().lastIndexOf('.')),
            Collectors.counting()));
    assertTrue(byPointcut.size() <= 6, "at most 3 classes per pointcut: " + byPointcut);
  }

  @Test
  void aFullBufferDropsSpansWithoutWaitingAndSaysSoOnce() throws Exception {
    AppRun run = runWith("tiny-buffer.yaml");
    Matcher full = Pattern.compile("\\((\\d+) buffer full, ").matcher(run.stderr);
    assertTrue(full.find() && Long.parseLong(full.group(1)) > 0,
        "1,024 calls ending at once overflow 16 slots and 256 spilled:\n" + run.stderr);
    String warning = "the span buffer (16 spans) and its spill (256 spans) were full";
    assertEquals(run.stderr.indexOf(warning), run.stderr.lastIndexOf(warning), "said once:\n" + run.stderr);
    assertTrue(run.stderr.indexOf(warning) >= 0, "said:\n" + run.stderr);
  }

  @Test
  void capturePathsNeverCallMethodsThatChangeStateAndSayWhyOnce() throws Exception {
    AppRun run = runWith("paths.yaml");
    for (String refused : List.of("java.util.ArrayDeque.pop()", "java.util.TreeSet.pollFirst()",
        "java.io.ByteArrayInputStream.readAllBytes()", "java.io.File.mkdirs()", "java.lang.Class.newInstance()",
        "hostile.HostileMain$Counter.getNextId()", "hostile.HostileMain$Counter.beginIteration()")) {
      String message = "capture paths do not call " + refused;
      assertEquals(1, run.stderr.split(Pattern.quote(message), -1).length - 1,
          "reported once: " + message + "\n" + run.stderr);
    }
    assertTrue(run.stderr.contains("beginIteration(): it writes field hostile.HostileMain$Counter.iterations"),
        run.stderr);
    assertTrue(run.stderr.contains("pop(): it is not on the list of read-only JDK methods"), run.stderr);
    List<ReceivedSpan> touches = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl")).stream()
        .filter(s -> s.name.endsWith(".touch")).collect(Collectors.toList());
    assertEquals(24, touches.size());
    assertTrue(touches.stream().anyMatch(s -> "gpt-test".equals(s.attribute("model")) && Long.valueOf(42).equals(
        s.attribute("tokens"))), "record accessors are called: " + touches);
    assertTrue(touches.stream().anyMatch(s -> "counter".equals(s.attribute("name"))), "plain getters are called");
    assertTrue(touches.stream().anyMatch(s -> "hostile.HostileMain$Plugin".equals(s.attribute("name"))),
        "listed JDK accessors (Class.getName) are called");
  }

  @Test
  void sigtermStopsTheAppWhateverTheConfigAndTheExitSummaryIsWritten() throws Exception {
    for (String config : List.of("jdk-wide.yaml", "app-wide.yaml", "values.yaml")) {
      Path dir = Files.createDirectories(work.resolve("sigterm-" + config));
      Path file = copyConfig(config, dir);
      AppRun run = AppRun.runMainUntilTerminated(
          AppRun.defaultJava(), dir, "config=" + file, "serving", "hostile.HostileMain", "--serve");
      assertEquals(143, run.exitCode, "ended by SIGTERM (128 + 15): " + run);
      assertTrue(SUMMARY.matcher(run.stderr).find(), "the exit flush ran (" + config + "):\n" + run.stderr);
    }
  }
}
