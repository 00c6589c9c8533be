package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input is named by file and line, and everything else is still reported. */
class BadInputTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int report(String... args) {
    return ReportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String oneTrace(String trace) {
    return new SpanLines("run-1").span(trace, "00000000000000a1", "", "root", 0, 10, false).line();
  }

  @Test
  void aTruncatedLastLineAndANonOtlpLineAreNamedAndTheRestIsReported() throws Exception {
    Path f = dir.resolve("traces.jsonl");
    String good = oneTrace("0000000000000000000000000000000a");
    String truncated = oneTrace("0000000000000000000000000000000b");
    Files.writeString(f, good + "\n{\"hello\":\"world\"}\n[1,2]\n" + oneTrace("0000000000000000000000000000000c")
        + "\n" + truncated.substring(0, truncated.length() / 2));
    assertEquals(0, report(f.toString()));
    String problems = err.toString(StandardCharsets.UTF_8);
    assertTrue(problems.contains(f + ":2: not OTLP JSON (no resourceSpans, resourceMetrics or resourceLogs); line skipped"),
        problems);
    assertTrue(problems.contains(f + ":3: not an OTLP JSON object; line skipped"), problems);
    assertTrue(problems.contains(f + ":5: truncated JSON (the line ends in the middle of an object); line skipped"),
        problems);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("perf-agent report: 2 spans, 1 run"), out.toString());
  }

  @Test
  void anEmptyFileAndADirectoryWithoutFilesAreSaidAndTheOtherInputIsReported() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    Path none = Files.createDirectory(dir.resolve("none"));
    Path good = dir.resolve("good.jsonl");
    Files.writeString(good, oneTrace("0000000000000000000000000000000a") + "\n");
    assertEquals(0, report(empty.toString(), none.toString(), good.toString(), dir.resolve("missing").toString()));
    String problems = err.toString(StandardCharsets.UTF_8);
    assertTrue(problems.contains(empty + ": empty file, no spans"), problems);
    assertTrue(problems.contains(none + ": a directory with no .jsonl or .json files"), problems);
    assertTrue(problems.contains(dir.resolve("missing") + ": no such file or directory"), problems);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 spans, 1 run"), out.toString());
  }

  @Test
  void nothingToReportExitsWith2() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    assertEquals(2, report(empty.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no spans to report"), err.toString());
  }

  @Test
  void unknownOptionsAndMissingValuesAreRefused() {
    assertEquals(2, report("x.jsonl", "--frobnicate"));
    assertEquals(2, report("x.jsonl", "--run"));
    assertEquals(2, report("x.jsonl", "--slowest", "many"));
    assertEquals(2, report());
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("perf-agent report: unknown option --frobnicate"), e);
    assertTrue(e.contains("perf-agent report: --run needs a value"), e);
    assertTrue(e.contains("--slowest takes a whole number >= 0, not 'many'"), e);
    assertTrue(e.contains("name at least one FILE or DIR"), e);
  }
}
