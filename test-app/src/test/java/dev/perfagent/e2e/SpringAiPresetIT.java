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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spring-ai preset on real Spring AI 1.1 and 2.0 ({@code llmsdk.SpringAiMain}, built per version in
 * test-app/sdk-versions/spring-ai-*: the OpenAI and Anthropic chat models against a local stub of the
 * providers' APIs), with no configuration: one CLIENT chat span per request the stub received, with the
 * provider's exact usage of that request (cache reads and writes included, also in each round of a
 * tool loop) and its cost, counted once in the token metric and the cost counter. On 1.1 the spans are
 * the preset's, at Spring AI's own HTTP clients; on 2.0 they are the openai and anthropic presets', at
 * the SDKs Spring AI sends with. An execute_tool span per tool call, ERROR when the tool threw; an
 * ERROR chat span for a 429; one chat span per stream (ChatModel.stream returns a Reactor Flux: the span
 * runs from its subscription to its end), with the tokens of the last chunk and the time to the first,
 * and none for a stream never subscribed to.
 */
class SpringAiPresetIT {
  private static final String TOOL_ERROR = "org.springframework.ai.tool.execution.ToolExecutionException";
  /** gpt-4o-mini: 20 uncached input at 0.15, 100 cached at 0.075, 30 output at 0.6 USD per 1M tokens. */
  private static final double CHAT_COST = (20 * 0.15 + 100 * 0.075 + 30 * 0.6) / 1e6;
  /** claude-sonnet-4: 23 input at 3, 3 cache reads at 0.3, 2 cache writes at 3.75, 40 output at 15. */
  private static final double MESSAGE_COST = (23 * 3 + 3 * 0.3 + 2 * 3.75 + 40 * 15) / 1e6;
  /** The tool loop's rounds: 61 input, 12 output; then 97 input of which 64 cached, 14 output. */
  private static final double TOOL_ROUNDS_COST = (61 * 0.15 + 12 * 0.6 + 33 * 0.15 + 64 * 0.075 + 14 * 0.6) / 1e6;
  /**
   * The one warning a version's run may give: a stream reads the model's default options, which 2.0
   * gives with getOptions() and 1.1 keeps in the field defaultOptions, and 1.1's getDefaultOptions()
   * makes a copy, which paths do not call (said once). The choice of the other version that is
   * missing (options or defaultOptions, completionTokenDetails or completionTokensDetails) is not
   * reported: another choice of the same capture serves the class.
   */
  private static final Pattern VERSION_ALTERNATIVE = Pattern.compile("ChatModel\\.getDefaultOptions\\(\\): ");

  /**
   * 1.1 sends with its own HTTP clients, OpenAiApi and AnthropicApi: the preset's chat spans are their
   * requests, so the tool loop Spring AI runs inside the model's call is a span per round, each with
   * the provider's usage (the sum Spring AI makes of the rounds has no cache counts). Finish reasons
   * are 1.1's enum names. 1.1 streams with its own WebClient.
   */
  @Test
  void springAi11(@TempDir Path plain, @TempDir Path work) throws Exception {
    Run run = Run.of("spring-ai-1.1", plain, work);
    assertSpans(run, new Layer("org.springframework.ai.openai.api.OpenAiApi.chatCompletionEntity",
        "org.springframework.ai.anthropic.api.AnthropicApi.chatCompletionEntity",
        "org.springframework.ai.retry.NonTransientAiException", "STOP", "TOOL_CALLS"));
  }

  /**
   * 2.0 sends with openai-java and anthropic-java: their presets' spans are the requests, the same
   * figures. The application runs the tool loop. The OpenAI stream sends with openai-java's async
   * createStreaming when it is subscribed to: Spring AI's stream span, none from the openai preset.
   */
  @Test
  void springAi20(@TempDir Path plain, @TempDir Path work) throws Exception {
    Run run = Run.of("spring-ai-2.0", plain, work);
    assertSpans(run, new Layer("com.openai.services.blocking.chat.ChatCompletionServiceImpl.create",
        "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl.create",
        "com.openai.errors.RateLimitException", "stop", "tool_calls"));
  }

  /** Where a version's chat requests are recorded, and what they record that differs between versions. */
  private record Layer(String openai, String anthropic, String rateLimitError, String stop, String toolCalls) {}

  private static void assertSpans(Run run, Layer layer) throws Exception {
    assertTrue(chats(run.tree).stream().allMatch(s -> s.kind.equals("SPAN_KIND_CLIENT")), run.tree.spans().toString());
    assertDirectCalls(run, layer);
    assertToolLoop(run, layer);
    assertRateLimited(run, layer);
    assertStreams(run);

    List<ReceivedSpan> chats = chats(run.tree);
    assertEquals(run.modelRequests, chats.size(), "one chat span per request the stub received: " + chats);
    assertEquals(7, chats.size(), "openai, anthropic, 2 tool rounds, the 429, two streams: " + chats);
    assertEquals(9, run.tree.spans().size(), "and the two tools: " + run.tree.spans());
    assertCountedOnce(run, 2 * (120 + 28) + 61 + 97, 2 * (30 + 40) + 12 + 14,
        2 * (CHAT_COST + MESSAGE_COST) + TOOL_ROUNDS_COST);
  }

  /** A chat call to each provider: the request and the response as the provider sent them. */
  private static void assertDirectCalls(Run run, Layer layer) {
    ReceivedSpan openai = response(run.tree, "chatcmpl-1");
    assertEquals("chat gpt-4o-mini", openai.name);
    assertEquals(layer.openai(), openai.function());
    assertAttributes(openai, Map.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
        "gen_ai.request.model", "gpt-4o-mini", "gen_ai.request.max_tokens", 200L, "gen_ai.request.temperature", 0.2,
        "gen_ai.request.top_p", 0.9, "gen_ai.response.model", "gpt-4o-mini-2024-07-18",
        "gen_ai.response.finish_reasons", List.of(layer.stop()), "gen_ai.usage.input_tokens", 120L,
        "gen_ai.usage.output_tokens", 30L));
    assertAttributes(openai, Map.of("gen_ai.usage.cache_read.input_tokens", 100L,
        "gen_ai.usage.reasoning.output_tokens", 5L));
    assertCost(CHAT_COST, openai);

    ReceivedSpan anthropic = response(run.tree, "msg_1");
    assertEquals("chat claude-sonnet-4-20250514", anthropic.name);
    assertEquals(layer.anthropic(), anthropic.function());
    assertAttributes(anthropic, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L,
        "gen_ai.request.temperature", 0.5, "gen_ai.response.model", "claude-sonnet-4-20250514",
        "gen_ai.response.finish_reasons", List.of("end_turn"),
        // Anthropic counts cache reads and writes on top of input_tokens: 23 + 3 + 2
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
        "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
    assertCost(MESSAGE_COST, anthropic);
  }

  /** The tool loop: a span per round with that round's usage (the second's cache reads), the tools between. */
  private static void assertToolLoop(Run run, Layer layer) {
    ReceivedSpan askTools = response(run.tree, "chatcmpl-t1");
    ReceivedSpan answer = response(run.tree, "chatcmpl-t2");
    assertEquals(layer.openai(), askTools.function());
    assertEquals(layer.openai(), answer.function());
    assertAttributes(askTools, Map.of("gen_ai.request.model", "gpt-4o-mini", "gen_ai.response.finish_reasons",
        List.of(layer.toolCalls()), "gen_ai.usage.input_tokens", 61L, "gen_ai.usage.output_tokens", 12L));
    assertNull(askTools.attribute("gen_ai.usage.cache_read.input_tokens"), askTools.toString());
    assertAttributes(answer, Map.of("gen_ai.response.finish_reasons", List.of(layer.stop()),
        "gen_ai.usage.input_tokens", 97L, "gen_ai.usage.output_tokens", 14L,
        "gen_ai.usage.cache_read.input_tokens", 64L));
    assertCost((61 * 0.15 + 12 * 0.6) / 1e6, askTools);
    assertCost((33 * 0.15 + 64 * 0.075 + 14 * 0.6) / 1e6, answer);

    List<ReceivedSpan> tools = tools(run.tree);
    assertEquals(2, tools.size(), "one span per tool call: " + tools);
    for (ReceivedSpan tool : tools) {
      assertEquals("execute_tool orderStatus", tool.name);
      assertEquals("SPAN_KIND_INTERNAL", tool.kind);
      assertAttributes(tool, Map.of("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "orderStatus"));
      assertTrue(askTools.endNanos <= tool.startNanos && tool.endNanos <= answer.startNanos,
          "the tools run between the two model requests: " + tool);
    }
    List<ReceivedSpan> failedTools = tools.stream().filter(ChatSpans::failed).collect(Collectors.toList());
    assertEquals(1, failedTools.size(), "the tool threw for the order that does not exist: " + tools);
    assertEquals(TOOL_ERROR, failedTools.get(0).attribute("error.type"));
    assertEquals(List.of("exception"), failedTools.get(0).eventNames);
  }

  /** The 429: an ERROR chat span without tokens. */
  private static void assertRateLimited(Run run, Layer layer) {
    List<ReceivedSpan> limited = chats(run.tree).stream().filter(ChatSpans::failed).collect(Collectors.toList());
    assertEquals(1, limited.size(), "the 429: " + run.tree.spans());
    assertEquals("chat gpt-4o-mini", limited.get(0).name);
    assertEquals(layer.openai(), limited.get(0).function());
    assertEquals(layer.rateLimitError(), limited.get(0).attribute("error.type"));
    assertEquals(null, limited.get(0).attribute("gen_ai.usage.input_tokens"), limited.toString());
    assertTrue(run.output.contains("rate limited: " + layer.rateLimitError()), run.output);
  }

  /** One span per stream, from its subscription to its end; none for the stream never subscribed to. */
  private static void assertStreams(Run run) {
    ReceivedSpan openaiStream = response(run.tree, "chatcmpl-2");
    assertEquals("chat gpt-4o-mini", openaiStream.name);
    assertEquals("org.springframework.ai.openai.OpenAiChatModel.stream", openaiStream.function());
    assertAttributes(openaiStream, Map.of("gen_ai.provider.name", "openai", "gen_ai.request.stream", true,
        "gen_ai.request.model", "gpt-4o-mini", "gen_ai.request.max_tokens", 200L, "gen_ai.request.temperature", 0.2,
        "gen_ai.response.model", "gpt-4o-mini-2024-07-18", "gen_ai.response.finish_reasons", List.of("STOP"),
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
        "gen_ai.usage.cache_read.input_tokens", 100L));
    assertAttributes(openaiStream, Map.of("gen_ai.usage.reasoning.output_tokens", 5L));
    assertStreamed(openaiStream, 3);
    assertCost(CHAT_COST, openaiStream);

    ReceivedSpan anthropicStream = response(run.tree, "msg_2");
    assertEquals("chat claude-sonnet-4-20250514", anthropicStream.name);
    assertEquals("org.springframework.ai.anthropic.AnthropicChatModel.stream", anthropicStream.function());
    assertAttributes(anthropicStream, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.stream", true,
        "gen_ai.request.max_tokens", 512L, "gen_ai.request.temperature", 0.5,
        "gen_ai.response.model", "claude-sonnet-4-20250514", "gen_ai.response.finish_reasons", List.of("end_turn"),
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
        "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
    assertNotNull(anthropicStream.attribute("perf_agent.stream.items"), anthropicStream.toString());
    assertStreamed(anthropicStream, (Long) anthropicStream.attribute("perf_agent.stream.items"));
    assertCost(MESSAGE_COST, anthropicStream);
    assertTrue(run.output.contains("openai streamed: ok") && run.output.contains("anthropic streamed: ok"), run.output);

    List<ReceivedSpan> streams = run.tree.where(s -> s.function().endsWith("ChatModel.stream"));
    assertEquals(2, streams.size(), "the stream never subscribed to sent nothing and makes no span (none at exit"
        + " either), the others one each: " + streams);
    assertTrue(streams.contains(openaiStream) && streams.contains(anthropicStream), streams.toString());
    assertTrue(run.output.contains("unwanted stream built: true"), run.output);
  }

  /** A stream read to its end: its chunks counted, the first within the span. */
  private static void assertStreamed(ReceivedSpan span, long chunks) {
    assertEquals("exhausted", span.attribute("perf_agent.end_reason"), span.toString());
    assertEquals(chunks, span.attribute("perf_agent.stream.items"), span.toString());
    assertTrue(chunks > 0, span.toString());
    Object firstChunk = span.attribute("gen_ai.response.time_to_first_chunk");
    assertNotNull(firstChunk, span.toString());
    assertTrue((Double) firstChunk > 0 && (Double) firstChunk * 1e9 <= span.endNanos - span.startNanos,
        "the first chunk came after the subscription, before the end: " + span);
  }

  /** The token metric and the cost counter hold each request once: the sums of the chat spans. */
  private static void assertCountedOnce(Run run, long input, long output, double cost) throws Exception {
    List<ReceivedSpan> chats = chats(run.tree);
    assertEquals(input, chats.stream().mapToLong(s -> tokens(s, "gen_ai.usage.input_tokens")).sum());
    assertEquals(output, chats.stream().mapToLong(s -> tokens(s, "gen_ai.usage.output_tokens")).sum());
    Path metrics = run.work.resolve("perf-agent-metrics.jsonl");
    assertEquals(input, JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "input"),
        "input tokens counted once");
    assertEquals(output,
        JsonLinesMetrics.histogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "output"),
        "output tokens counted once");
    assertEquals(cost, JsonLinesMetrics.counterTotal(metrics, "perf_agent.gen_ai.cost"), 1e-12,
        "the cost counter adds up every call's cost once");
  }

  private static long tokens(ReceivedSpan span, String key) {
    Object value = span.attribute(key);
    return value == null ? 0 : (Long) value;
  }

  private static List<ReceivedSpan> chats(SpanTree tree) {
    return tree.where(ChatSpans::isChat);
  }

  private static List<ReceivedSpan> tools(SpanTree tree) {
    return tree.where(s -> "execute_tool".equals(s.attribute("gen_ai.operation.name")));
  }

  private static ReceivedSpan response(SpanTree tree, String id) {
    List<ReceivedSpan> found = tree.where(s -> id.equals(s.attribute("gen_ai.response.id")));
    assertEquals(1, found.size(), "one span for response " + id + ": " + tree.spans());
    return found.get(0);
  }

  /** SpringAiMain of one Spring AI version, run without and with the agent (no configuration). */
  private static final class Run {
    final Path work;
    final String output;
    final SpanTree tree;
    final long modelRequests;

    private Run(Path work, String output, SpanTree tree, long modelRequests) {
      this.work = work;
      this.output = output;
      this.tree = tree;
      this.modelRequests = modelRequests;
    }

    static Run of(String version, Path plain, Path work) throws Exception {
      String classPath = LlmPresetsIT.sdkVersionsClassPath(version);
      AppRun without = AppRun.runMainWithClassPath(AppRun.defaultJava(), plain, null, classPath, "llmsdk.SpringAiMain");
      assertEquals(0, without.exitCode, without.toString());
      assertTrue(without.stdout.contains("done"), without.toString());
      AppRun run = AppRun.runMainWithClassPath(AppRun.defaultJava(), work, "", classPath, "llmsdk.SpringAiMain");
      assertEquals(0, run.exitCode, run.toString());
      assertEquals(without.stdout, run.stdout, "the application's own output is unchanged\n" + run.stderr);
      String warnings = run.stderr.lines().filter(line -> !VERSION_ALTERNATIVE.matcher(line).find())
          .collect(Collectors.joining("\n"));
      for (String warning : List.of("capture paths do not call", "has no getter or field", "can never have a value")) {
        assertFalse(warnings.contains(warning), "every path of the preset reads its value:\n" + run.stderr);
      }
      Matcher requests = Pattern.compile("model requests: (\\d+)").matcher(run.stdout);
      assertTrue(requests.find(), run.toString());
      return new Run(work, run.stdout, new SpanTree(JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"))),
          Long.parseLong(requests.group(1)));
    }
  }
}
