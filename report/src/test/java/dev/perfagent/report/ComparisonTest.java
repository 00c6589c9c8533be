package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
  @TempDir Path dir;

  private static long[] lognormal(int n, double medianMicros, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      v[i] = Math.round(medianMicros * Math.exp(0.3 * g));
    }
    return v;
  }

  @Test
  void twoSamplesOfOneDistributionAreRarelySignificant() {
    int significant = 0;
    for (int seed = 0; seed < 100; seed++) {
      Bootstrap.Interval i = Bootstrap.relativeChange(lognormal(12, 100_000, seed), lognormal(12, 100_000, seed + 1000),
          Bootstrap.Statistic.P50, seed);
      significant += i.excludesZero() ? 1 : 0;
    }
    // a 95 % interval: about 5 in 100 by chance (the percentile bootstrap is a little liberal for n = 12)
    assertTrue(significant <= 15, significant + " of 100");
  }

  @Test
  void aDoubledLatencyIsSignificantEvenWithTwelveCalls() {
    Bootstrap.Interval i = Bootstrap.relativeChange(lognormal(12, 100_000, 1), lognormal(12, 200_000, 2),
        Bootstrap.Statistic.P95, 3);
    assertTrue(i.low > 0.2, i.low + ".." + i.high);
    assertTrue(i.estimate > 0.5, "" + i.estimate);
  }

  @Test
  void tooFewValuesGiveNoVerdict() {
    assertNull(Bootstrap.relativeChange(new long[] {1, 2, 3, 4}, new long[] {1, 2, 3, 4, 5}, Bootstrap.Statistic.MEAN, 1));
  }

  @Test
  void errorRatesUseNewcombesInterval() {
    // 0 of 20 against 10 of 20: clearly different; 0 of 5 against 1 of 5: not
    assertTrue(RateDifference.of(0, 20, 10, 20).low > 0);
    Bootstrap.Interval small = RateDifference.of(0, 5, 1, 5);
    assertNotNull(small);
    assertFalse(small.excludesZero());
    // Newcombe's published example (1998, method 10): 56/70 - 48/80 = 0.2, interval 0.0524..0.3339
    Bootstrap.Interval ex = RateDifference.of(48, 80, 56, 70);
    assertEquals(0.2, ex.estimate, 1e-9);
    assertEquals(0.0524, ex.low, 5e-4);
    assertEquals(0.3339, ex.high, 5e-4);
  }

  private Path run(String id, double chatMs, long seed) throws Exception {
    return run(id, chatMs, seed, "db");
  }

  private Path run(String id, double chatMs, long seed, String dbName) throws Exception {
    List<String> lines = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(seed);
    SpanLines spans = new SpanLines(id);
    for (int i = 0; i < 20; i++) {
      String trace = String.format("%032x", i + 1);
      double chat = chatMs * (0.8 + 0.4 * r.nextDouble());
      double db = 0.5 * (0.8 + 0.4 * r.nextDouble());
      spans.span(trace, "00000000000000c1", "00000000000000a1", "chat m", 0, chat, false,
          "gen_ai.operation.name", "chat", "gen_ai.request.model", "m", "gen_ai.usage.input_tokens", 100L,
          "gen_ai.usage.output_tokens", 10L, "perf_agent.cost.usd", 0.001);
      spans.span(trace, "00000000000000d1", "00000000000000a1", dbName, chat, chat + db, false);
      spans.span(trace, "00000000000000a1", "", "request", 0, chat + db + 1, false);
      lines.add(spans.line());
    }
    Path f = dir.resolve(id + ".jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  private String compare(int expected, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CompareCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertEquals(expected, code, text);
    return text;
  }

  @Test
  void aSlowerChatFailsTheGateAndTheSameRunDoesNot() throws Exception {
    Path base = run("base", 100, 1);
    Path same = run("same", 100, 2);
    Path slow = run("slow", 150, 3);
    String passed = compare(0, base.toString(), same.toString(), "--fail-on", "p95=10%,mean=10%");
    assertTrue(passed.contains("gate passed"), passed);
    String failed = compare(1, base.toString(), slow.toString(), "--fail-on", "p95=10%,cost=5%");
    assertTrue(failed.contains("gate FAILED"), failed);
    assertTrue(failed.contains("  chat m p95 +"), failed);
    assertTrue(failed.contains("  request p95 +"), failed);
    // the db call did not change; --only looks at it alone
    compare(0, base.toString(), slow.toString(), "--fail-on", "p95=10%", "--only", "^db$");
    // without --fail-on the comparison is shown, exit 0
    assertTrue(compare(0, base.toString(), slow.toString()).contains("REGRESSION"));
  }

  @Test
  void theTableShowsEveryDurationMeasureP99Included() throws Exception {
    String text = compare(0, run("base", 100, 1).toString(), run("slow", 150, 3).toString());
    for (String measure : List.of("p50", "p95", "p99", "mean")) {
      assertTrue(text.matches("(?s).*\n  chat m +" + measure + " +\\d.*"), measure + " of chat m in\n" + text);
    }
  }

  @Test
  void runIdsWithinOneFileAndBadInput() throws Exception {
    Path both = dir.resolve("both.jsonl");
    Files.writeString(both, Files.readString(run("base", 100, 1)) + Files.readString(run("slow", 300, 3)));
    String text = compare(1, "base", "slow", "--in", both.toString(), "--fail-on", "mean=20%");
    assertTrue(text.contains("gate FAILED"), text);
    assertTrue(compare(2, "base").contains("name two runs"));
    assertTrue(compare(2, "base", "slow", "--in", both.toString(), "--fail-on", "speed=5%").contains("'speed=5%' is not one"));
    assertTrue(compare(2, "base", "slow", "--in", both.toString(), "--fail-on", "p95=ten").contains("takes a percentage"));
    assertTrue(compare(2, "nope", "slow").contains("BASE 'nope' is no file or directory"));
    assertTrue(compare(2, "nope", "slow", "--in", both.toString()).contains("no run 'nope'"));
  }

  @Test
  void newAndVanishedOperationsAreNamed() throws Exception {
    String text = compare(0, run("base", 100, 1).toString(), run("renamed", 100, 2, "db2").toString());
    assertTrue(text.contains("new operations (only in NEW): db2"), text);
    assertTrue(text.contains("vanished operations (only in BASE): db"), text);
  }
}
