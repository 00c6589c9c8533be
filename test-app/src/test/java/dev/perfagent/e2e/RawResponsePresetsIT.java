package dev.perfagent.e2e;

import static dev.perfagent.e2e.SpanAssertions.assertAttributes;
import static dev.perfagent.e2e.SpanAssertions.assertCost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai and anthropic presets on the SDKs' raw-response calls ({@code llmsdk.RawResponseMain}:
 * {@code withRawResponse()} of the sync and the async services, whose calls give a
 * {@code CompletableFuture} of the response; chat completions, responses, embeddings, messages and
 * token counts, answered and streamed, each response parsed), on test-app's SDK versions and on the
 * oldest and newest supported ones: one span per request with the exact tokens and cost, read from
 * what {@code parse()} gives; the streams followed to their end; each request's tokens counted once.
 */
class RawResponsePresetsIT {
  private static final String OPENAI_CHAT = "com.openai.services.blocking.chat.ChatCompletionServiceImpl$WithRawResponseImpl.";
  private static final String OPENAI_CHAT_ASYNC =
      "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl$WithRawResponseImpl.";
  private static final String OPENAI_RESPONSES = "com.openai.services.blocking.ResponseServiceImpl$WithRawResponseImpl.";
  private static final String OPENAI_RESPONSES_ASYNC =
      "com.openai.services.async.ResponseServiceAsyncImpl$WithRawResponseImpl.";
  private static final String OPENAI_EMBEDDINGS = "com.openai.services.blocking.EmbeddingServiceImpl$WithRawResponseImpl.";
  private static final String OPENAI_EMBEDDINGS_ASYNC =
      "com.openai.services.async.EmbeddingServiceAsyncImpl$WithRawResponseImpl.";
  private static final String ANTHROPIC = "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl.";
  private static final String ANTHROPIC_ASYNC = "com.anthropic.services.async.MessageServiceAsyncImpl$WithRawResponseImpl.";
  /** As in LlmPresetsIT: gpt-4o-mini with 100 of 120 input tokens cached, claude-sonnet-4 with cache reads and writes. */
  private static final double CHAT_COST = (20 * 0.15 + 100 * 0.075 + 30 * 0.6) / 1e6;
  private static final double RESPONSES_COST = (40 * 2.5 + 10 * 1.25 + 20 * 10) / 1e6;
  private static final double EMBEDDINGS_COST = 8 * 0.02 / 1e6;
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
    assertEquals(15, spans.size(), "one span per request, none from the calls the raw ones sit under: " + spans);
    assertTrue(run.stdout.contains("model requests: 15"), run.stdout);
    assertFalse(run.stderr.contains("can never have a value"), run.stderr);

    for (String service : List.of(OPENAI_CHAT, OPENAI_CHAT_ASYNC)) {
      assertCall(spans, service + "create", "chat gpt-4o-mini", CHAT_COST, Map.of("gen_ai.provider.name", "openai",
          "gen_ai.request.model", "gpt-4o-mini", "gen_ai.request.max_tokens", 200L, "gen_ai.response.id", "chatcmpl-1",
          "gen_ai.response.model", "gpt-4o-mini-2024-07-18", "gen_ai.response.finish_reasons", List.of("stop"),
          "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
          "gen_ai.usage.cache_read.input_tokens", 100L, "gen_ai.usage.reasoning.output_tokens", 5L));

      ReceivedSpan chatStream = function(spans, service + "createStreaming");
      assertAttributes(chatStream, Map.of("gen_ai.request.stream", true, "gen_ai.response.id", "chatcmpl-2",
          "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
          "gen_ai.usage.cache_read.input_tokens", 100L, "perf_agent.stream.items", 3L,
          "perf_agent.end_reason", "exhausted"));
      assertNotNull(chatStream.attribute("gen_ai.response.time_to_first_chunk"), chatStream.toString());
      assertCost(CHAT_COST, chatStream);
    }

    for (String call : List.of(OPENAI_RESPONSES + "create", OPENAI_RESPONSES_ASYNC + "create",
        OPENAI_RESPONSES + "createStreaming")) {
      assertCall(spans, call, "chat gpt-4o", RESPONSES_COST, Map.of("gen_ai.request.model", "gpt-4o",
          "gen_ai.response.model", "gpt-4o-2024-08-06", "gen_ai.response.id", "resp_1", "gen_ai.usage.input_tokens", 50L, "gen_ai.usage.output_tokens", 20L,
          "gen_ai.usage.cache_read.input_tokens", 10L, "gen_ai.usage.reasoning.output_tokens", 4L));
    }
    assertAttributes(function(spans, OPENAI_RESPONSES + "createStreaming"),
        Map.of("gen_ai.request.stream", true, "perf_agent.stream.items", 1L, "perf_agent.end_reason", "exhausted"));

    for (String service : List.of(OPENAI_EMBEDDINGS, OPENAI_EMBEDDINGS_ASYNC)) {
      assertCall(spans, service + "create", "embeddings text-embedding-3-small", EMBEDDINGS_COST,
          Map.of("gen_ai.operation.name", "embeddings", "gen_ai.response.model", "text-embedding-3-small",
              "gen_ai.usage.input_tokens", 8L));
    }

    for (String service : List.of(ANTHROPIC, ANTHROPIC_ASYNC)) {
      assertCall(spans, service + "create", "chat claude-sonnet-4-20250514", MESSAGES_COST, Map.of(
          "gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L, "gen_ai.response.id", "msg_1", "gen_ai.response.finish_reasons", List.of("end_turn"),
          "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
          "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));

      ReceivedSpan messageStream = function(spans, service + "createStreaming");
      assertAttributes(messageStream, Map.of("gen_ai.request.stream", true, "gen_ai.response.id", "msg_2",
          "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L, "perf_agent.stream.items", 6L,
          "perf_agent.end_reason", "exhausted"));
      assertCost(MESSAGES_COST, messageStream);

      ReceivedSpan count = function(spans, service + "countTokens");
      assertEquals("count_tokens claude-sonnet-4-20250514", count.name);
      assertAttributes(count, Map.of("gen_ai.operation.name", "count_tokens", "perf_agent.counted_input_tokens", 17L));
      assertNull(count.attribute("gen_ai.usage.input_tokens"), "a count is no usage: " + count);
    }

    Path metrics = work.resolve("perf-agent-metrics.jsonl");
    assertEquals(4 * 120 + 3 * 50 + 2 * 8 + 4 * 28,
        JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "input"));
    assertEquals(4 * 30 + 3 * 20 + 4 * 40,
        JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "output"));
    assertEquals(4 * CHAT_COST + 3 * RESPONSES_COST + 2 * EMBEDDINGS_COST + 4 * MESSAGES_COST,
        JsonLinesMetrics.counterTotal(metrics, "perf_agent.gen_ai.cost"), 1e-12);
  }

  /** The one span of {@code function} has this name, these attributes and this cost. */
  private static void assertCall(
      List<ReceivedSpan> spans, String function, String name, double cost, Map<String, Object> attributes) {
    ReceivedSpan span = function(spans, function);
    assertEquals(name, span.name);
    assertAttributes(span, attributes);
    assertCost(cost, span);
  }

  private static ReceivedSpan function(List<ReceivedSpan> spans, String function) {
    List<ReceivedSpan> found = spans.stream().filter(s -> s.function().equals(function)).collect(Collectors.toList());
    assertEquals(1, found.size(), function + ": " + spans);
    return found.get(0);
  }
}
