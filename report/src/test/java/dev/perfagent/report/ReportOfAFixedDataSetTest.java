package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of {@link FixedDataSet}, every figure computed by hand. */
class ReportOfAFixedDataSetTest {
  @TempDir Path dir;

  private RunReport report() throws Exception {
    return report(null);
  }

  private RunReport report(String by) throws Exception {
    Path f = FixedDataSet.write(dir.resolve("t.jsonl"), FixedDataSet.lines());
    Analysis a = Analysis.read(List.of(f.toString()), false, 3, by);
    assertTrue(a.problems.isEmpty(), a.problems.messages().toString());
    return a.reports.get(FixedDataSet.RUN);
  }

  @Test
  void theRootOperationsPercentilesAreTheHandComputedOnes() throws Exception {
    RootOperation conversation = report().roots().iterator().next();
    Distribution d = conversation.timing().durations();
    // durations 100, 200, ..., 1000 ms: p50 = 5th = 500, p95 = 10th = 1000, mean 550
    assertEquals(10, d.count());
    assertEquals(500_000, d.percentile(50));
    assertEquals(1_000_000, d.percentile(95));
    assertEquals(1_000_000, d.percentile(99));
    assertEquals(550_000.0, d.mean());
    // tokens per conversation: 110 each, 165 in the first; cost $0.001, $0.0015 in the first
    assertEquals(10 * 110 + 55, conversation.tokens().total());
    assertEquals(110, conversation.tokens().percentile(50));
    assertEquals(165, conversation.tokens().percentile(95));
    assertEquals(1_000_000, conversation.costNanoUsd().percentile(50));
    assertEquals(10_500_000, conversation.costNanoUsd().total());
    assertEquals(1_500_000, conversation.costNanoUsd().max());
  }

  @Test
  void theBreakdownNestsAndMerges() throws Exception {
    RunReport r = report();
    BreakdownNode conversation = r.breakdown().children().iterator().next();
    assertEquals("conversation", conversation.name());
    Map<String, BreakdownNode> children =
        conversation.children().stream().collect(Collectors.toMap(BreakdownNode::name, n -> n));
    BreakdownNode chat = children.get("chat m1");
    assertEquals(12, chat.timing().count());
    // 10, 20, ..., 100 ms plus 2 and 10: p50 = 6th of (2,10,10,20,...) = 40 ms
    assertEquals(40_000, chat.timing().durations().percentile(50));
    assertEquals(1, chat.timing().errors());
    BreakdownNode tool = children.get("execute_tool t");
    assertEquals(2, tool.timing().errors());
    assertEquals(0.2, tool.timing().errorRate());
    // self time of the conversations: 5500 ms - (550 + 50 + 2 + 10) ms of children
    assertEquals((5500 - 550 - 50 - 2 - 10) * 1000L, conversation.timing().selfMicros());
    BreakdownNode.AggregateCount pool = conversation.aggregates().iterator().next();
    assertEquals("pool.lookup", pool.pointcut());
    assertEquals(30, pool.count());
    assertEquals(15.0, pool.totalMillis(), 1e-9);
  }

  @Test
  void modelsSlowestAndFindings() throws Exception {
    RunReport r = report();
    ModelUsage m = r.models().iterator().next();
    assertEquals(12, m.timing().count());
    assertEquals(1050, m.tokens().input());
    assertEquals(105, m.tokens().output());
    assertEquals(0.0105, m.costUsd(), 1e-12);
    List<SlowTrace> slow = r.slowest();
    assertEquals(3, slow.size());
    assertEquals(1_000_000, slow.get(0).durationMicros());
    // conversation 10: waited on the tool (100..105 ms) and the chat (0..100 ms); the rest is its own
    List<SlowTrace.PathStep> path = slow.get(0).criticalPath();
    assertEquals(List.of("conversation", "chat m1", "execute_tool t"),
        path.stream().map(SlowTrace.PathStep::name).collect(Collectors.toList()));
    assertEquals(895_000, path.get(0).selfMicros());
    List<String> findings = r.findings().stream().map(Finding::message).collect(Collectors.toList());
    assertTrue(findings.contains("tool errors: 'execute_tool t' failed 2 of 10 calls (20.0%)"), findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.startsWith("rate limits: 1 of 12 'chat m1' calls were refused with"
        + " 429, 1 retried; the refused calls and the waits before the retries took 10.0 ms")), findings.toString());
  }

  @Test
  void byAnAttributeSplitsTheNodesThatCarryIt() throws Exception {
    BreakdownNode conversation = report("gen_ai.tool.name").breakdown().children().iterator().next();
    List<String> names = conversation.children().stream().map(BreakdownNode::name).collect(Collectors.toList());
    assertEquals(List.of("chat m1", "execute_tool t [gen_ai.tool.name=t]"), names);
  }

  @Test
  void byAnAttributeCountsTheLlmCallsPerValue() throws Exception {
    ModelUsage m1 = report("gen_ai.request.model").llmByValue().iterator().next();
    assertEquals("m1", m1.model());
    assertEquals(12, m1.timing().count());
    assertEquals(1, m1.timing().errors());
    assertEquals(1050, m1.tokens().input());
    assertEquals(0.0105, m1.costUsd(), 1e-12);
    List<String> values = report("gen_ai.tool.name").llmByValue().stream().map(ModelUsage::model)
        .collect(Collectors.toList());
    assertEquals(List.of(RunReport.NO_VALUE), values, "the chat calls carry no tool name");
    assertTrue(report().llmByValue().isEmpty());
  }

  @Test
  void theCsvFilesHaveThePerValueCounts() throws Exception {
    Path csv = dir.resolve("csv");
    CsvReport.write(csv, report("gen_ai.request.model"));
    List<String> rows = Files.readAllLines(csv.resolve("by-value.csv"));
    assertTrue(rows.get(0).startsWith("gen_ai.request.model,calls,"), rows.get(0));
    // m1: 12 calls, 1 error, 1,050 input, 0 cached, 105 output, 0 reasoning tokens, $0.0105
    assertTrue(rows.get(1).matches("m1,12,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,1,1050,0,105,0,0\\.0105\\d*,0,0"), rows.get(1));
    assertEquals(rows.get(1).substring(3), Files.readAllLines(csv.resolve("models.csv")).get(1).substring(5),
        "the same columns as the model's row");
    CsvReport.write(dir.resolve("plain"), report());
    assertFalse(Files.exists(dir.resolve("plain").resolve("by-value.csv")));
  }
}
