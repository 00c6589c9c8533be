package dev.perfagent.e2e;

import static dev.perfagent.e2e.SpanAssertions.assertAttributes;
import static dev.perfagent.e2e.SpanAssertions.assertCost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai and anthropic presets on the SDKs' raw-response calls ({@code llmsdk.RawResponseMain}:
 * {@code withRawResponse().create} and {@code .createStreaming}, each response parsed), on test-app's
 * SDK versions and on the oldest and newest supported ones: one chat span per call with the exact
 * tokens and cost, read from what {@code parse()} gives; the streams followed to their end.
 */
class RawResponsePresetsIT {
  private static final String OPENAI_RAW = "com.openai.services.blocking.chat.ChatCompletionServiceImpl$WithRawResponseImpl.";
  private static final String ANTHROPIC_RAW = "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl.";
  /** As in LlmPresetsIT: gpt-4o-mini with 100 of 120 input tokens cached, claude-sonnet-4 with cache reads and writes. */
  private static final double CHAT_COST = (20 * 0.15 + 100 * 0.075 + 30 * 0.6) / 1e6;
  private static final double MESSAGES_COST = (23 * 3 + 3 * 0.3 + 2 * 3.75 + 40 * 15) / 1e6;

  @Test
  void testAppVersions(@TempDir Path plain, @TempDir Path work) throws Exception {
    assertRawCalls(System.getProperty("java.class.path"), plain, work);
  }

  @Test
  void oldestVersions(@TempDir Path plain, @TempDir Path work) throws Exception {
    assertRawCalls(LlmPresetsIT.sdkVersionsClassPath("oldest"), plain, work);
  }

  @Test
  void newestVersions(@TempDir Path plain, @TempDir Path work) throws Exception {
    assertRawCalls(LlmPresetsIT.sdkVersionsClassPath("newest"), plain, work);
  }

  private static void assertRawCalls(String classPath, Path plain, Path work) throws Exception {
    AppRun without = AppRun.runMainWithClassPath(AppRun.defaultJava(), plain, null, classPath, "llmsdk.RawResponseMain");
    assertEquals(0, without.exitCode, without.toString());
    assertTrue(without.stdout.contains("done"), without.toString());
    AppRun run = AppRun.runMainWithClassPath(AppRun.defaultJava(), work, "", classPath, "llmsdk.RawResponseMain");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(without.stdout, run.stdout, "the application's own output is unchanged\n" + run.stderr);
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    assertEquals(4, spans.size(), "one span per request, none from the plain create the raw one sits under: " + spans);
    assertTrue(run.stdout.contains("model requests: 4"), run.stdout);

    ReceivedSpan chat = function(spans, OPENAI_RAW + "create");
    assertEquals("chat gpt-4o-mini", chat.name);
    assertAttributes(chat, Map.of("gen_ai.provider.name", "openai", "gen_ai.request.model", "gpt-4o-mini",
        "gen_ai.request.max_tokens", 200L, "gen_ai.response.id", "chatcmpl-1",
        "gen_ai.response.model", "gpt-4o-mini-2024-07-18", "gen_ai.response.finish_reasons", List.of("stop"),
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
        "gen_ai.usage.cache_read.input_tokens", 100L, "gen_ai.usage.reasoning.output_tokens", 5L));
    assertCost(CHAT_COST, chat);

    ReceivedSpan chatStream = function(spans, OPENAI_RAW + "createStreaming");
    assertAttributes(chatStream, Map.of("gen_ai.request.stream", true, "gen_ai.response.id", "chatcmpl-2",
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
        "gen_ai.usage.cache_read.input_tokens", 100L, "perf_agent.stream.items", 3L,
        "perf_agent.end_reason", "exhausted"));
    assertNotNull(chatStream.attribute("gen_ai.response.time_to_first_chunk"), chatStream.toString());
    assertCost(CHAT_COST, chatStream);

    ReceivedSpan message = function(spans, ANTHROPIC_RAW + "create");
    assertEquals("chat claude-sonnet-4-20250514", message.name);
    assertAttributes(message, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L,
        "gen_ai.response.id", "msg_1", "gen_ai.response.finish_reasons", List.of("end_turn"),
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
        "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
    assertCost(MESSAGES_COST, message);

    ReceivedSpan messageStream = function(spans, ANTHROPIC_RAW + "createStreaming");
    assertAttributes(messageStream, Map.of("gen_ai.request.stream", true, "gen_ai.response.id", "msg_2",
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L, "perf_agent.stream.items", 6L,
        "perf_agent.end_reason", "exhausted"));
    assertCost(MESSAGES_COST, messageStream);

    Path metrics = work.resolve("perf-agent-metrics.jsonl");
    assertEquals(2 * (120 + 28),
        JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "input"));
    assertEquals(2 * (30 + 40),
        JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "output"));
    assertEquals(2 * (CHAT_COST + MESSAGES_COST),
        JsonLinesMetrics.counterTotal(metrics, "perf_agent.gen_ai.cost"), 1e-12);
  }

  private static ReceivedSpan function(List<ReceivedSpan> spans, String function) {
    List<ReceivedSpan> found = spans.stream().filter(s -> s.function().equals(function)).collect(Collectors.toList());
    assertEquals(1, found.size(), function + ": " + spans);
    return found.get(0);
  }
}
