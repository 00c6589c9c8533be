package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spans that cross threads and outlive their call, through the real jar: the async sample app
 * ({@code asyncapp}) calls its model asynchronously and runs tools on executors, a scheduler,
 * {@code CompletableFuture.supplyAsync} and (on JDK 21+) virtual threads.
 */
class AsyncSpanModelIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped");
  private static final int TURNS = 3;

  @TempDir Path work;

  @Test
  void asyncCallsExecutorsAndSchedulersKeepOneTraceOnTheDefaultJdk() throws Exception {
    assertAsyncTree(AppRun.defaultJava(), Runtime.version().feature() >= 21);
  }

  @Test
  void virtualThreadsToOnJava25() throws Exception {
    Path java25 = AppRun.java25OrSkip();
    assertAsyncTree(java25, true);
  }

  private void assertAsyncTree(Path java, boolean virtualThreads) throws Exception {
    Path config = work.resolve("async.yaml");
    try (InputStream in = getClass().getResourceAsStream("/async-perf-agent.yaml")) {
      Files.copy(in, config);
    }
    String output = run(java, config);
    Map<String, Long> counters = counters(output);
    assertEquals(virtualThreads ? 1L : 0L, counters.get("virtual"), output);
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    Map<String, ReceivedSpan> byId = spans.stream().collect(Collectors.toMap(s -> s.spanId, Function.identity()));

    List<ReceivedSpan> turns = named(spans, "invoke_agent async");
    List<ReceivedSpan> chats = named(spans, "chat gpt-async");
    List<ReceivedSpan> tools = spans.stream().filter(s -> s.name.startsWith("execute_tool")).collect(Collectors.toList());
    assertEquals(TURNS, turns.size(), output);
    assertEquals(counters.get("llm.calls"), chats.size(), "one span per call: the delegating overload makes none\n" + spans);
    assertEquals(counters.get("tool.runs"), tools.size(), spans.toString());
    List<ReceivedSpan> streams = named(spans, "chat gpt-async stream");
    assertEquals(counters.get("llm.streams"), streams.size());
    assertEquals(counters.get("llm.streams"), counters.get("llm.streams.closed"), "the app still closes its streams");
    assertEquals(turns.size() + chats.size() + tools.size() + streams.size(), spans.size());
    assertEquals(List.of("turn 0", "turn 1", "turn 2"),
        turns.stream().map(t -> t.attribute("app.turn")).sorted().collect(Collectors.toList()));
    for (ReceivedSpan stream : streams) {
      assertEquals("invoke_agent async", byId.get(stream.parentSpanId).name);
      assertFlowedFrom(byId.get(stream.parentSpanId), stream);
      assertEquals(5L, stream.attribute("perf_agent.stream.items"), stream.toString());
      double firstChunk = (Double) stream.attribute("gen_ai.response.time_to_first_chunk");
      long millis = TimeUnit.NANOSECONDS.toMillis(stream.endNanos - stream.startNanos);
      assertTrue(firstChunk >= 0.025 && firstChunk * 1000 < millis, "first chunk after ~30 ms: " + firstChunk);
      assertTrue(millis >= 45, "the span covers reading all chunks (~50 ms): " + millis + " ms");
    }

    for (ReceivedSpan tool : tools) {
      ReceivedSpan parent = byId.get(tool.parentSpanId);
      assertTrue(parent != null && parent.name.equals("invoke_agent async"), "a tool is a child of its turn: " + tool);
      assertEquals(parent.traceId, tool.traceId);
      assertNotEquals(parent.attribute("thread.name"), tool.attribute("thread.name"), "it ran on another thread");
      assertFlowedFrom(parent, tool);
    }
    if (virtualThreads) {
      assertEquals(TURNS - 1, named(spans, "execute_tool label_service").size(),
          "virtual-thread tools are children too (the last turn fails before its tools)");
    }

    int answered = 0;
    for (ReceivedSpan chat : chats) {
      long millis = TimeUnit.NANOSECONDS.toMillis(chat.endNanos - chat.startNanos);
      if ("shutdown".equals(chat.attribute("perf_agent.end_reason"))) {
        assertEquals("", chat.parentSpanId, "the call left open at exit is ended, not lost");
        assertNull(chat.attribute("app.turn"), "outside every turn: nothing flows to it");
        continue;
      }
      ReceivedSpan parent = byId.get(chat.parentSpanId);
      assertEquals("invoke_agent async", parent.name);
      assertFlowedFrom(parent, chat); // it ended on the provider's thread
      assertTrue(millis >= 35, "the span ends when the answer arrives (~40 ms later), not at return: " + millis + " ms");
      assertTrue(chat.endNanos <= parent.endNanos, "the turn waited for the answer");
      if ("STATUS_CODE_ERROR".equals(chat.statusCode)) {
        assertEquals("java.lang.IllegalStateException", chat.attribute("error.type"));
        assertTrue(chat.eventNames.contains("exception"));
      } else {
        assertEquals("gpt-async-2026-01-01", chat.attribute("gen_ai.response.model"));
        assertEquals(17L, chat.attribute("gen_ai.usage.output_tokens"));
        answered++;
      }
    }
    assertEquals(TURNS - 1, answered);

    Matcher m = SUMMARY.matcher(output);
    assertTrue(m.find(), output);
    assertEquals(spans.size(), Long.parseLong(m.group(1)), "recorded");
    assertEquals(spans.size(), Long.parseLong(m.group(2)), "exported");
    assertEquals(0, Long.parseLong(m.group(3)), "dropped");
  }

  /** flow-down: the turn's app.turn, read when the turn started, reached {@code span} beneath it. */
  private static void assertFlowedFrom(ReceivedSpan turn, ReceivedSpan span) {
    assertEquals(turn.attribute("app.turn"), span.attribute("app.turn"), span.name + " on " + span.attribute("thread.name"));
  }

  private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(s -> s.name.equals(name)).collect(Collectors.toList());
  }

  private String run(Path java, Path config) throws IOException, InterruptedException {
    AppRun run = AppRun.runMain(java, work, "config=" + config, "asyncapp.AsyncAgentMain", String.valueOf(TURNS));
    assertEquals(0, run.exitCode, run.toString());
    return run.stdout + run.stderr;
  }

  private static Map<String, Long> counters(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith("counters:")) {
        return java.util.Arrays.stream(line.substring("counters:".length()).trim().split("\\s+"))
            .map(p -> p.split("="))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1].equals("true") ? 1L : kv[1].equals("false") ? 0L : Long.parseLong(kv[1])));
      }
    }
    throw new AssertionError("no counters line:\n" + output);
  }
}
