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

/** Several runs appended to one file: the latest by default, others by id, or all together. */
class RunsTest {
  @TempDir Path dir;

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return code + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private Path twoRuns() throws Exception {
    Path f = dir.resolve("t.jsonl");
    String first = new SpanLines("aaaaaaaa-1111-4111-8111-111111111111").span("0000000000000000000000000000000a", "00000000000000a1", "",
        "old-root", 0, 10, false).line();
    String second = new SpanLines("bbbbbbbb-2222-4222-8222-222222222222").span("0000000000000000000000000000000b", "00000000000000b1", "",
        "new-root", 100, 110, false).line();
    Files.writeString(f, first + "\n" + second + "\n");
    return f;
  }

  @Test
  void theLatestRunIsReportedAndTheOthersListed() throws Exception {
    String out = run(twoRuns().toString());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("reporting the latest run, bbbbbbbb (--run ID for another, --all for all together)"), out);
    assertTrue(out.contains("aaaaaaaa"), out);
    assertTrue(out.contains("new-root") && !out.contains("old-root"), out);
  }

  @Test
  void aRunIsPickedByItsIdPrefixAndAllMergesThem() throws Exception {
    Path f = twoRuns();
    String old = run(f.toString(), "--run", "aaaa");
    assertTrue(old.contains("reporting run aaaaaaaa") && old.contains("old-root") && !old.contains("new-root"), old);
    String all = run(f.toString(), "--all");
    assertTrue(all.contains("reporting all 2 runs together") && all.contains("old-root") && all.contains("new-root"), all);
    String unknown = run(f.toString(), "--run", "cccc");
    assertTrue(unknown.startsWith("2\n") && unknown.contains("no run 'cccc' in the input; the runs are aaaaaaaa, bbbbbbbb"),
        unknown);
  }
}
