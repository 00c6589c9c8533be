package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar perf-agent.jar report} and {@code compare} on the local file the agent wrote for
 * real runs of the test-app: the report's figures against the app's own counters, runs told apart
 * by their {@code service.instance.id}, and the comparison's gate against a deliberate slowdown.
 */
class ReportEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path work;

  /**
   * Every simulated wait 5 times as long as by default: the LLM calls' time is then mostly the
   * simulated model's, not CPU, so that two runs of the same options compare alike even when other
   * builds load the machine (at load 15 on 2 cores the CPU-bound operations of two runs differ by 2x,
   * which the comparison rightly reports, and the test must not depend on).
   */
  private static final String BASE_SCALE = "5";
  private static final String SLOW_SCALE = "15";

  @Test
  void reportsWhatTheAppDidAndComparesRuns() throws Exception {
    Path first = Files.createDirectory(work.resolve("first"));
    AppRun base = AppRun.run(AppRun.defaultJava(), List.of("-Xlog:class+load=info:file=classes.txt"), first,
        "config=" + AppRun.appConfig(), Map.of(), "--latency-scale", BASE_SCALE);
    assertEquals(0, base.exitCode, base.toString());
    List<String> loaded = Files.readAllLines(first.resolve("classes.txt"));
    assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.perfagent.agent.PerfAgent ")), "the log lists the agent's classes");
    assertTrue(loaded.stream().noneMatch(l -> l.contains("dev.perfagent.report.")), "the agent never loads the report");
    Path file = first.resolve("perf-agent-traces.jsonl");
    List<ReceivedSpan> spans = JsonLinesSpans.read(file);
    String firstId = (String) spans.get(0).resource.get("service.instance.id");
    assertTrue(firstId.matches(UUID), firstId);
    assertTrue(spans.stream().allMatch(s -> firstId.equals(s.resource.get("service.instance.id"))
        && s.resource.get("process.creation.time") != null), "one run identity on every span");

    AppRun report = AppRun.agentCommand(first, "report", file.toString(), "--json", "report.json", "--csv", "csv",
        "--html", "report.html");
    assertEquals(0, report.exitCode, report.toString());
    // the page's template is in the agent jar, and the page holds the run's figures (the report
    // module's HtmlReportInBrowserTest renders such a page in Chromium)
    String page = Files.readString(first.resolve("report.html"));
    assertTrue(page.contains("\"title\":\"perf-agent report: returns-assistant, run " + firstId.substring(0, 8))
        && page.contains("data-rendered"), page.length() + " characters");
    assertTrue(report.stdout.contains("reporting run " + firstId.substring(0, 8)), report.stdout);
    assertFiguresMatch(JSON.readTree(first.resolve("report.json").toFile()), base.counters(), spans.size());
    assertTrue(Files.readAllLines(first.resolve("csv/models.csv")).size() == 5, "a header and four models");

    // a second run appended to the same file, its instance id set through the standard setting
    AppRun same = AppRun.run(AppRun.defaultJava(), first, "config=" + AppRun.appConfig(),
        Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=second-run"), "--latency-scale", BASE_SCALE);
    assertEquals(0, same.exitCode, same.toString());
    AppRun latest = AppRun.agentCommand(first, "report", file.toString(), "--json", "latest.json");
    assertEquals(0, latest.exitCode, latest.toString());
    assertTrue(latest.stdout.contains("reporting the latest run, second-run"), latest.stdout);
    assertFiguresMatch(JSON.readTree(first.resolve("latest.json").toFile()), same.counters(),
        JsonLinesSpans.read(file).size() - spans.size());
    AppRun older = AppRun.agentCommand(first, "report", file.toString(), "--run", firstId.substring(0, 8), "--json", "older.json");
    assertEquals(0, older.exitCode, older.toString());
    assertFiguresMatch(JSON.readTree(first.resolve("older.json").toFile()), base.counters(), spans.size());

    // README's per-account command: every LLM call under one account, the calls and tokens the app counted
    AppRun byAccount = AppRun.agentCommand(first, "report", file.toString(), "--run", firstId.substring(0, 8),
        "--by", "returns.customer.account", "--json", "accounts.json");
    assertEquals(0, byAccount.exitCode, byAccount.toString());
    assertTrue(byAccount.stdout.contains("LLM calls per returns.customer.account"), byAccount.stdout);
    long accountCalls = 0;
    long accountInput = 0;
    for (JsonNode v : JSON.readTree(first.resolve("accounts.json").toFile()).path("llmByValue")) {
      assertTrue(v.path("value").asText().matches("acct-\\d{4}"), v.toString());
      accountCalls += v.path("count").asLong();
      accountInput += v.path("inputTokens").asLong();
    }
    assertEquals(base.counters().get("llm.calls"), accountCalls);
    assertEquals(base.counters().entrySet().stream().filter(e -> e.getKey().startsWith("llm.input_tokens."))
        .mapToLong(Map.Entry::getValue).sum(), accountInput);

    // two runs of the same options: the LLM calls did not change; tokens, cost and errors nowhere
    AppRun unchanged = AppRun.agentCommand(first, "compare", firstId, "second-run", "--in", file.toString(),
        "--fail-on", "p50=50%,mean=50%", "--only", "^chat ");
    assertEquals(0, unchanged.exitCode, unchanged.toString());
    assertTrue(unchanged.stdout.contains("gate passed"), unchanged.stdout);
    AppRun sameCalls = AppRun.agentCommand(first, "compare", firstId, "second-run", "--in", file.toString(),
        "--fail-on", "cost=1%,tokens=1%,errors=10%");
    assertEquals(0, sameCalls.exitCode, sameCalls.toString());

    // every simulated wait three times as long again: the LLM calls regressed
    Path slowDir = Files.createDirectory(work.resolve("slow"));
    AppRun slow = AppRun.run(AppRun.defaultJava(), slowDir, "config=" + AppRun.appConfig(), Map.of(),
        "--latency-scale", SLOW_SCALE);
    assertEquals(0, slow.exitCode, slow.toString());
    AppRun slower = AppRun.agentCommand(work, "compare", first.toString(), slowDir.toString(), "--fail-on", "p50=50%,mean=50%",
        "--only", "^chat ");
    assertEquals(1, slower.exitCode, slower.toString());
    assertTrue(slower.stdout.contains("gate FAILED"), slower.stdout);
    assertTrue(slower.stdout.matches("(?s).*\n  chat [a-z0-9.-]+ (p50|mean) \\+\\d+%.*"), slower.stdout);
    // the tokens and cost did not change: the same options make the same calls
    AppRun cost = AppRun.agentCommand(work, "compare", first.toString(), slowDir.toString(), "--fail-on", "cost=1%,tokens=1%");
    assertEquals(0, cost.exitCode, cost.toString());
  }

  /** The report's JSON against what the app counted: spans, conversations, LLM calls, tokens, tools. */
  private static void assertFiguresMatch(JsonNode report, Map<String, Long> counters, int spansInRun) {
    long nodes = 0;
    List<JsonNode> all = new ArrayList<>();
    report.path("breakdown").forEach(n -> flatten(n, all));
    for (JsonNode n : all) {
      nodes += n.path("count").asLong();
    }
    assertEquals(spansInRun, nodes, "every span of the run is in the breakdown once");
    // the conversations, and the database's start-up (schema and seed data) under a root of its own
    Map<String, JsonNode> roots = new HashMap<>();
    report.path("roots").forEach(r -> roots.put(r.path("name").asText(), r));
    assertEquals(Set.of("invoke_agent returns-assistant", "db.start returns-db"), roots.keySet());
    JsonNode root = roots.get("invoke_agent returns-assistant");
    assertEquals(counters.get("conversations"), root.path("count").asLong());
    assertEquals(counters.get("db.starts"), roots.get("db.start returns-db").path("count").asLong());

    Map<String, JsonNode> models = new HashMap<>();
    report.path("models").forEach(m -> models.put(m.path("model").asText(), m));
    assertEquals(4, models.size(), models.keySet().toString());
    long calls = 0;
    long errors = 0;
    for (Map.Entry<String, JsonNode> m : models.entrySet()) {
      String model = m.getKey();
      calls += m.getValue().path("count").asLong();
      errors += m.getValue().path("errors").asLong();
      assertEquals(counters.get("llm.input_tokens." + model), m.getValue().path("inputTokens").asLong(), model);
      assertEquals(counters.get("llm.output_tokens." + model), m.getValue().path("outputTokens").asLong(), model);
      assertEquals(counters.get("llm.cache_read_tokens." + model), m.getValue().path("cachedInputTokens").asLong(), model);
    }
    assertEquals(counters.get("llm.calls"), calls);
    assertEquals(counters.get("llm.rate_limited"), errors, "the 429s are the LLM calls' errors");
    long inputTokens = counters.entrySet().stream().filter(e -> e.getKey().startsWith("llm.input_tokens."))
        .mapToLong(Map.Entry::getValue).sum();
    assertEquals(inputTokens, root.path("inputTokens").asLong(), "the conversations hold all input tokens");

    Map<String, Long> toolCalls = new HashMap<>();
    long toolErrors = 0;
    for (JsonNode n : all) {
      String name = n.path("name").asText();
      if (name.startsWith("execute_tool ")) {
        toolCalls.merge(name.substring("execute_tool ".length()), n.path("count").asLong(), Long::sum);
        toolErrors += n.path("errors").asLong();
      }
    }
    Map<String, Long> expected = counters.entrySet().stream().filter(e -> e.getKey().startsWith("tool.calls."))
        .collect(Collectors.toMap(e -> e.getKey().substring("tool.calls.".length()), Map.Entry::getValue));
    assertEquals(expected, toolCalls);
    assertEquals(counters.get("tool.failures"), toolErrors);
    List<String> findings = new ArrayList<>();
    report.path("findings").forEach(f -> findings.add(f.path("message").asText()));
    Pattern refused = Pattern.compile("rate limits: (\\d+) of \\d+ '[^']+' calls were refused with 429, (\\d+) retried.*");
    long rateLimited = 0;
    for (String f : findings) {
      Matcher m = refused.matcher(f);
      if (m.matches()) {
        rateLimited += Long.parseLong(m.group(1));
        assertEquals(m.group(1), m.group(2), "the app retries every 429: " + f);
      }
    }
    assertEquals(counters.get("llm.rate_limited"), rateLimited, findings.toString());
  }

  private static void flatten(JsonNode node, List<JsonNode> into) {
    into.add(node);
    node.path("children").forEach(c -> flatten(c, into));
  }
}
