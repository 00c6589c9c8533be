package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks of the LLM spans of a test-app run: the presets' spans of the real openai-java and
 * anthropic-java SDK calls (no LLM pointcut in test-app/perf-agent.yaml), against the app's counters.
 */
final class ChatSpans {
  private static final String ITERATION = "com.acme.returns.agent.ReturnsAgent.runIteration";
  private static final String STREAMED = "com.openai.services.blocking.chat.ChatCompletionServiceImpl.createStreaming";
  private static final String ASYNC = "com.anthropic.services.async.MessageServiceAsyncImpl.create";
  /** The simulated time to the first token, at the default latency scale, is 10 ms or more. */
  private static final long MIN_ANSWER_NANOS = 10_000_000L;
  /**
   * USD per million tokens (input, cache read, cache write, output), from the agent's price table
   * (GenAI Prices 0.1.8): the cost on each span must be these prices times its tokens.
   */
  private static final Map<String, double[]> PRICES = Map.of(
      "gpt-4o-mini", new double[] {0.15, 0.075, 0.15, 0.6},
      "gpt-4o", new double[] {2.5, 1.25, 2.5, 10},
      "claude-haiku-4-5", new double[] {1, 0.1, 1.25, 5},
      "claude-sonnet-4-5", new double[] {3, 0.3, 3.75, 15});

  private final SpanTree tree;
  private final List<ReceivedSpan> chats;

  ChatSpans(SpanTree tree) {
    this.tree = tree;
    this.chats = tree.where(ChatSpans::isChat);
  }

  static boolean isChat(ReceivedSpan s) {
    return "chat".equals(s.attribute("gen_ai.operation.name"));
  }

  static boolean failed(ReceivedSpan s) {
    return s.statusCode.equals("STATUS_CODE_ERROR");
  }

  /** Everything below, against the app's counters line. */
  void assertMatch(Map<String, Long> counters) {
    assertEveryRequestIsOneClientSpanInItsIteration();
    assertRateLimitedAttemptsAreErrorSpans(counters.get("llm.rate_limited"));
    assertAnswersCarryModelTokensAndCost();
    assertTokenSumsPerModel(counters);
    assertStreamedCallsEndWithTheStream(counters.get("llm.streamed"));
    assertAsyncCallsEndAtCompletion(counters.get("llm.async"));
  }

  private void assertEveryRequestIsOneClientSpanInItsIteration() {
    for (ReceivedSpan chat : chats) {
      assertEquals("SPAN_KIND_CLIENT", chat.kind, chat.toString());
      Object model = chat.attribute("gen_ai.request.model");
      assertEquals("chat " + model, chat.name);
      assertEquals(String.valueOf(model).startsWith("gpt-") ? "openai" : "anthropic",
          chat.attribute("gen_ai.provider.name"), chat.toString());
      assertEquals(ITERATION, tree.parent(chat).function(), "a chat span's parent is its iteration: " + chat);
    }
    Map<String, List<ReceivedSpan>> byIteration = chats.stream()
        .collect(Collectors.groupingBy(c -> c.parentSpanId));
    assertEquals(tree.where(s -> s.function().equals(ITERATION)).size(), byIteration.size(),
        "every iteration asks the model");
    for (List<ReceivedSpan> attempts : byIteration.values()) {
      attempts.sort((x, y) -> Long.compare(x.startNanos, y.startNanos));
      assertTrue(attempts.size() <= 3, "at most 3 attempts (the gateway's retries): " + attempts);
      for (int i = 0; i < attempts.size() - 1; i++) {
        assertTrue(failed(attempts.get(i)), "only a throttled attempt is retried: " + attempts);
      }
    }
    assertTrue(chats.stream().map(c -> c.attribute("gen_ai.request.model")).distinct().count() >= 3,
        "several models: " + chats);
  }

  private void assertRateLimitedAttemptsAreErrorSpans(long rateLimited) {
    List<ReceivedSpan> errors = chats.stream().filter(ChatSpans::failed).collect(Collectors.toList());
    assertEquals(rateLimited, errors.size(), "each 429 is one ERROR span");
    for (ReceivedSpan error : errors) {
      // gpt-4o-mini goes through LangChain4j, the other models through their provider's SDK
      String exceptions = error.function().startsWith("dev.langchain4j.") ? "dev.langchain4j.exception"
          : "openai".equals(error.attribute("gen_ai.provider.name")) ? "com.openai.errors" : "com.anthropic.errors";
      assertEquals(exceptions + ".RateLimitException", error.attribute("error.type"), error.toString());
      assertTrue(error.eventNames.contains("exception"), error.toString());
      assertTrue(error.attributes.keySet().stream()
              .noneMatch(k -> k.startsWith("gen_ai.response.") || k.startsWith("gen_ai.usage.") || k.startsWith("perf_agent.cost")),
          "a refused call has no answer, tokens or cost: " + error);
    }
  }

  private void assertAnswersCarryModelTokensAndCost() {
    for (ReceivedSpan chat : chats) {
      if (failed(chat)) {
        continue;
      }
      String model = String.valueOf(chat.attribute("gen_ai.request.model"));
      assertTrue(String.valueOf(chat.attribute("gen_ai.response.model")).startsWith(model + "-"), chat.toString());
      assertTrue(String.valueOf(chat.attribute("gen_ai.response.id"))
          .startsWith(model.startsWith("gpt-") ? "chatcmpl-" : "msg_01"), chat.toString());
      assertNotNull(chat.attribute("gen_ai.response.finish_reasons"), chat.toString());
      long input = tokens(chat, "gen_ai.usage.input_tokens");
      long output = tokens(chat, "gen_ai.usage.output_tokens");
      long cacheRead = tokens(chat, "gen_ai.usage.cache_read.input_tokens");
      long cacheWrite = tokens(chat, "gen_ai.usage.cache_creation.input_tokens");
      assertTrue(input > cacheRead + cacheWrite && output > 0, chat.toString());
      double[] price = PRICES.get(model);
      double expected = ((input - cacheRead - cacheWrite) * price[0] + cacheRead * price[1]
          + cacheWrite * price[2] + output * price[3]) / 1e6;
      Object cost = chat.attribute("perf_agent.cost.usd");
      assertNotNull(cost, "a cost on " + chat);
      assertEquals(expected, (Double) cost, expected * 1e-9, chat.toString());
    }
  }

  /** The tokens the app counted per model, as the spans have them (input includes the cached). */
  private void assertTokenSumsPerModel(Map<String, Long> counters) {
    Map<String, Long> expected = new TreeMap<>();
    counters.forEach((key, value) -> {
      if (key.matches("llm\\.(input|output|cache_read|cache_write)_tokens\\..*")) {
        expected.put(key, value);
      }
    });
    assertFalse(expected.isEmpty(), "the app counts tokens: " + counters);
    Map<String, Long> fromSpans = new TreeMap<>();
    for (ReceivedSpan chat : chats) {
      String model = String.valueOf(chat.attribute("gen_ai.request.model"));
      if (!failed(chat)) {
        fromSpans.merge("llm.input_tokens." + model, tokens(chat, "gen_ai.usage.input_tokens"), Long::sum);
        fromSpans.merge("llm.output_tokens." + model, tokens(chat, "gen_ai.usage.output_tokens"), Long::sum);
        fromSpans.merge("llm.cache_read_tokens." + model, tokens(chat, "gen_ai.usage.cache_read.input_tokens"), Long::sum);
        fromSpans.merge("llm.cache_write_tokens." + model, tokens(chat, "gen_ai.usage.cache_creation.input_tokens"), Long::sum);
      }
    }
    assertEquals(expected, fromSpans, "token sums per model");
    assertTrue(expected.entrySet().stream().anyMatch(e -> e.getKey().startsWith("llm.cache_read") && e.getValue() > 0)
        && expected.entrySet().stream().anyMatch(e -> e.getKey().startsWith("llm.cache_write") && e.getValue() > 0),
        "cache reads and writes: " + expected);
  }

  private void assertStreamedCallsEndWithTheStream(long streamed) {
    List<ReceivedSpan> streams = chats.stream().filter(c -> Boolean.TRUE.equals(c.attribute("gen_ai.request.stream")))
        .collect(Collectors.toList());
    assertEquals(streamed, streams.size(), "streamed requests");
    assertTrue(streamed > 0, "the app streams some answers");
    for (ReceivedSpan stream : streams) {
      assertEquals(STREAMED, stream.function(), stream.toString());
      if (failed(stream)) {
        continue; // refused before any chunk
      }
      double firstChunk = (Double) stream.attribute("gen_ai.response.time_to_first_chunk");
      assertTrue(firstChunk > 0 && firstChunk * 1e9 <= stream.endNanos - stream.startNanos,
          "the first chunk comes within the span: " + stream);
      assertEquals("exhausted", stream.attribute("perf_agent.end_reason"), "the app reads each stream to its end");
      assertTrue((Long) stream.attribute("perf_agent.stream.items") >= 3,
          "a role chunk, a finish chunk and a usage chunk at least: " + stream);
    }
  }

  private void assertAsyncCallsEndAtCompletion(long async) {
    List<ReceivedSpan> calls = chats.stream().filter(c -> c.function().equals(ASYNC)).collect(Collectors.toList());
    assertEquals(async, calls.size(), "async requests");
    assertTrue(async > 0, "the app makes some requests with the async client");
    TreeSet<Long> shortest = new TreeSet<>();
    for (ReceivedSpan call : calls) {
      assertNull(call.attribute("gen_ai.request.stream"), call.toString());
      if (!failed(call)) {
        // create() returns its future at once: a span ended at exit would be shorter, and have no tokens
        shortest.add(call.endNanos - call.startNanos);
      }
    }
    assertTrue(shortest.first() >= MIN_ANSWER_NANOS,
        "an async span ends when the answer is complete, the shortest after " + shortest.first() + " ns");
  }

  private static long tokens(ReceivedSpan chat, String key) {
    Object value = chat.attribute(key);
    return value == null ? 0 : (Long) value;
  }
}
