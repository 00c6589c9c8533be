package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The spans of one run as a tree, and the checks that it is the tree of what the test-app did: one
 * span per counted call, nested as the calls were, with the configured attributes; the LLM calls'
 * spans come from the agent's presets (see {@link ChatSpans}).
 */
final class SpanTree {
  private static final String APP = "com.acme.returns.";

  /** Which counter of the app counts the calls of each kind of span. */
  private static final Map<String, Predicate<ReceivedSpan>> COUNTED = new LinkedHashMap<>();

  static {
    COUNTED.put("conversations", fn(APP + "agent.ReturnsAgent.handle"));
    COUNTED.put("agent.iterations", fn(APP + "agent.ReturnsAgent.runIteration"));
    COUNTED.put("llm.calls", ChatSpans::isChat);
    COUNTED.put("tool.calls", s -> s.name.startsWith("execute_tool "));
    COUNTED.put("jdbc.statements", SpanTree::isJdbc);
    COUNTED.put("db.commits", s -> isTransactionEnd(s, "COMMIT"));
    COUNTED.put("db.pool.checkouts", fn("com.zaxxer.hikari.HikariDataSource.getConnection"));
    COUNTED.put("db.starts", fn(APP + "db.Database.start"));
    COUNTED.put("pool.lookups", fn(APP + "llm.ClientManager.getClient"));
    COUNTED.put("client.creates", fn(APP + "llm.ClientManager.createClient"));
    COUNTED.put("session.connects", fn(APP + "session.SessionManager.connect"));
    COUNTED.put("session.forks", fn(APP + "session.SessionManager.fork"));
    COUNTED.put("session.templates", fn(APP + "session.SessionManager.createTemplate"));
    COUNTED.put("session.closes", fn(APP + "session.SessionManager.close"));
    COUNTED.put("rag.searches", fn(APP + "rag.PolicyIndex.search"));
    COUNTED.put(
        "eligibility.steps",
        s -> s.function().startsWith(APP + "tools.CheckEligibilityTool.") && !s.name.startsWith("execute_tool"));
    COUNTED.put("email.renders", fn(APP + "tools.SendEmailTool.renderTemplate"));
  }

  /** Counted like the others, but a run may have none (a rollback needs a failed transaction). */
  private static final Map<String, Predicate<ReceivedSpan>> MAYBE_NONE =
      Map.of("db.rollbacks", s -> isTransactionEnd(s, "ROLLBACK"));

  private final List<ReceivedSpan> spans;
  private final Map<String, ReceivedSpan> byId = new HashMap<>();

  SpanTree(List<ReceivedSpan> spans) {
    this.spans = spans;
    for (ReceivedSpan s : spans) {
      assertFalse(byId.containsKey(s.spanId), "duplicate span id " + s);
      byId.put(s.spanId, s);
    }
  }

  List<ReceivedSpan> spans() {
    return spans;
  }

  List<ReceivedSpan> where(Predicate<ReceivedSpan> p) {
    return spans.stream().filter(p).collect(Collectors.toList());
  }

  ReceivedSpan parent(ReceivedSpan s) {
    return byId.get(s.parentSpanId);
  }

  boolean hasAncestor(ReceivedSpan s, Predicate<ReceivedSpan> p) {
    for (ReceivedSpan a = parent(s); a != null; a = parent(a)) {
      if (p.test(a)) {
        return true;
      }
    }
    return false;
  }

  /** The whole check: counts, nesting, kinds, attributes, errors. */
  void assertIsTreeOf(Map<String, Long> counters) {
    long expectedTotal = 0;
    for (Map.Entry<String, Predicate<ReceivedSpan>> e : COUNTED.entrySet()) {
      long expected = counters.get(e.getKey());
      assertTrue(expected > 0, "the app did no " + e.getKey() + ": " + counters);
      assertEquals(expected, where(e.getValue()).size(), "spans for counter " + e.getKey());
      expectedTotal += expected;
    }
    for (Map.Entry<String, Predicate<ReceivedSpan>> e : MAYBE_NONE.entrySet()) {
      long expected = counters.get(e.getKey());
      assertEquals(expected, where(e.getValue()).size(), "spans for counter " + e.getKey());
      expectedTotal += expected;
    }
    assertEquals(expectedTotal, spans.size(), "every span is one counted call, every counted call one span");

    assertRootsAreConversations(counters.get("conversations"), counters.get("db.starts"));
    assertToolsNestUnderTheLoop(counters.get("tool.failures"));
    new ChatSpans(this).assertMatch(counters);
    assertDatabaseWorkNestsUnderItsCaller();
  }

  private void assertRootsAreConversations(long conversations, long databaseStarts) {
    List<ReceivedSpan> roots = where(s -> s.parentSpanId.isEmpty());
    assertEquals(conversations + databaseStarts, roots.size(), "one root span per conversation, and the start");
    for (ReceivedSpan root : roots) {
      if (root.function().equals(APP + "db.Database.start")) {
        continue;
      }
      assertEquals(APP + "agent.ReturnsAgent.handle", root.function(), "root " + root);
      assertEquals("invoke_agent returns-assistant", root.name);
      assertTrue(String.valueOf(root.attribute("gen_ai.conversation.id")).startsWith("conv-"), root.toString());
    }
    for (ReceivedSpan s : spans) {
      if (!s.parentSpanId.isEmpty()) {
        ReceivedSpan parent = parent(s);
        assertNotNull(parent, "the parent of " + s + " was exported too");
        assertEquals(parent.traceId, s.traceId, "a child is in its parent's trace: " + s);
        assertTrue(parent.startNanos <= s.startNanos && s.endNanos <= parent.endNanos,
            "a child runs within its parent: " + s);
      }
    }
    assertTrue(where(s -> true).stream().map(s -> s.attribute("thread.name")).distinct().count() > 1,
        "the app ran conversations on several threads");
  }

  private void assertToolsNestUnderTheLoop(long failures) {
    List<ReceivedSpan> tools = where(s -> s.name.startsWith("execute_tool "));
    for (ReceivedSpan tool : tools) {
      assertEquals("SPAN_KIND_INTERNAL", tool.kind);
      assertEquals(tool.name.substring("execute_tool ".length()), tool.attribute("gen_ai.tool.name"));
      assertTrue(String.valueOf(tool.attribute("gen_ai.tool.call.id")).startsWith("call_"), tool.toString());
      assertEquals(APP + "agent.ReturnsAgent.runIteration", parent(tool).function(), "tool under loop: " + tool);
    }
    List<ReceivedSpan> failed = where(s -> s.name.startsWith("execute_tool ") && s.statusCode.equals("STATUS_CODE_ERROR"));
    assertEquals(failures, failed.size(), "one ERROR span per failed tool call");
    for (ReceivedSpan f : failed) {
      assertEquals("execute_tool generate_return_label", f.name);
      assertEquals(APP + "tools.LabelServiceException", f.attribute("error.type"));
      assertEquals(List.of("exception"), f.eventNames);
    }
    assertEquals(0, where(s -> !s.name.startsWith("execute_tool ") && !ChatSpans.isChat(s)
        && s.statusCode.equals("STATUS_CODE_ERROR")).size(), "no other failures");
  }

  private void assertDatabaseWorkNestsUnderItsCaller() {
    Predicate<ReceivedSpan> toolOrAgent = s -> s.name.startsWith("execute_tool ")
        || s.function().startsWith(APP + "agent.") || s.function().equals(APP + "db.Database.start");
    for (ReceivedSpan jdbc : where(s -> s.attribute("db.system.name") != null)) {
      assertEquals("SPAN_KIND_CLIENT", jdbc.kind);
      assertEquals("h2database", jdbc.attribute("db.system.name"));
      assertEquals("returns", jdbc.attribute("db.namespace"));
      assertTrue(hasAncestor(jdbc, toolOrAgent), "JDBC under a tool, the agent or the start: " + jdbc);
    }
    for (ReceivedSpan jdbc : where(SpanTree::isJdbc)) {
      String sql = String.valueOf(jdbc.attribute("db.query.text"));
      assertTrue(sql.matches("(?is)\\s*(select|insert|update|delete|merge|create|drop).*"), jdbc.toString());
      assertFalse(sql.contains("'") || sql.contains("@example.com"), "no literal in the SQL: " + jdbc);
      assertEquals(jdbc.name, jdbc.attribute("db.query.summary"), jdbc.toString());
    }
    for (ReceivedSpan checkout : where(fn("com.zaxxer.hikari.HikariDataSource.getConnection"))) {
      assertTrue(toolOrAgent.test(parent(checkout)) || parent(checkout).function().startsWith(APP),
          "pool checkout under the code that waited, not under a query: " + checkout);
    }
    assertTrue(where(s -> s.name.startsWith("execute_tool ")).stream()
            .anyMatch(t -> spans.stream().anyMatch(j -> isJdbc(j) && hasAncestor(j, a -> a == t))),
        "tools run SQL inside their spans");
  }

  /** A statement execution of the jdbc preset: a database span with SQL. */
  private static boolean isJdbc(ReceivedSpan s) {
    return s.attribute("db.system.name") != null && s.attribute("db.query.text") != null;
  }

  private static boolean isTransactionEnd(ReceivedSpan s, String operation) {
    return s.attribute("db.system.name") != null && operation.equals(s.attribute("db.operation.name"))
        && s.attribute("db.query.text") == null;
  }

  private static Predicate<ReceivedSpan> fn(String function) {
    return s -> s.function().equals(function);
  }
}
