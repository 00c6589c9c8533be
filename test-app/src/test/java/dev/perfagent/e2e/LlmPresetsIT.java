package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import llmsdk.SdkMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in presets on the real openai-java and anthropic-java SDKs ({@code llmsdk.SdkMain}
 * against a local stub of the providers' APIs), with no pointcut written by hand: one CLIENT span
 * per call, whatever the call style, with the exact token counts the stub sent. This class runs the
 * SDK versions test-app depends on; its subclasses run the same on other versions ({@link #sdkClassPath}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmPresetsIT {
  private static final double CHAT_COST = (20 * 0.15 + 100 * 0.075 + 30 * 0.6) / 1e6;
  private static final double RESPONSES_COST = (40 * 2.5 + 10 * 1.25 + 20 * 10) / 1e6;
  private static final double EMBEDDINGS_COST = 8 * 0.02 / 1e6;
  private static final double MESSAGES_COST = (23 * 3 + 3 * 0.3 + 2 * 3.75 + 40 * 15) / 1e6;
  private String withoutAgent;
  private String stderr;

  /** The class path SdkMain runs with: the test class path, so the SDK versions of test-app/pom.xml. */
  String sdkClassPath() throws Exception {
    return System.getProperty("java.class.path");
  }

  /**
   * SdkMain with the SDK jars test-app/sdk-versions/{@code end}/pom.xml copies into its target/jars
   * (the reactor builds that module before test-app) instead of test-app's own SDK versions.
   */
  static String sdkVersionsClassPath(String end) throws Exception {
    Path jars = Paths.get(System.getProperty("sdk.versions", "sdk-versions"), end, "target", "jars");
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException(
          jars + " does not exist; build it with mvn package -pl test-app/sdk-versions/" + end);
    }
    List<String> entries = new ArrayList<>();
    entries.add(Paths.get(SdkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    try (Stream<Path> files = Files.list(jars)) {
      files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().forEach(entries::add);
    }
    return String.join(File.pathSeparator, entries);
  }

  @BeforeAll
  void runWithoutAgent(@TempDir Path dir) throws Exception {
    AppRun run = AppRun.runMainWithClassPath(AppRun.defaultJava(), dir, null, sdkClassPath(), "llmsdk.SdkMain");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("done"), run.toString());
    withoutAgent = run.stdout;
  }

  private List<ReceivedSpan> run(Path work, String agentArgument) throws Exception {
    AppRun run =
        AppRun.runMainWithClassPath(AppRun.defaultJava(), work, agentArgument, sdkClassPath(), "llmsdk.SdkMain");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(withoutAgent, run.stdout, "the application's own output is unchanged\n" + run.stderr);
    stderr = run.stderr;
    return JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
  }

  private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
    return spans.stream().filter(s -> s.name.equals(name)).collect(Collectors.toList());
  }

  private static void assertAttributes(ReceivedSpan span, Map<String, Object> expected) {
    expected.forEach((key, value) -> assertEquals(value, span.attribute(key), key + " of " + span.name));
  }

  @Test
  void withNoConfigurationTheSdkCallsBecomeGenAiSpansWithExactTokens(@TempDir Path work) throws Exception {
    List<ReceivedSpan> spans = run(work, "");
    assertEquals(12, spans.size(), "one span per SDK call: " + spans);
    for (ReceivedSpan span : spans) {
      assertTrue(ContentCaptureIT.CONTENT.stream().noneMatch(span.attributes::containsKey),
          "no message content unless switched on: " + span);
    }
    assertTrue(spans.stream().allMatch(s -> s.kind.equals("SPAN_KIND_CLIENT")), spans.toString());

    List<ReceivedSpan> chat = named(spans, "chat gpt-4o-mini");
    assertEquals(4, chat.size(), "sync, async, streamed and async streamed chat");
    Map<String, Object> completion = Map.of(
        "gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
        "gen_ai.request.model", "gpt-4o-mini", "gen_ai.request.max_tokens", 200L,
        "gen_ai.request.temperature", 0.2, "gen_ai.response.model", "gpt-4o-mini-2024-07-18",
        "gen_ai.response.id", "chatcmpl-1", "gen_ai.response.finish_reasons", List.of("stop"),
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L);
    List<ReceivedSpan> answered = chat.stream().filter(s -> s.attribute("gen_ai.request.stream") == null)
        .collect(Collectors.toList());
    assertEquals(2, answered.size());
    for (ReceivedSpan span : answered) {
      assertAttributes(span, completion);
      assertAttributes(span, Map.of("gen_ai.usage.cache_read.input_tokens", 100L,
          "gen_ai.usage.reasoning.output_tokens", 5L));
      // gpt-4o-mini: 20 uncached input at 0.15, 100 cached at 0.075, 30 output at 0.6 USD per 1M tokens
      assertCost(CHAT_COST, span);
    }
    List<ReceivedSpan> streamed = chat.stream().filter(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
        .collect(Collectors.toList());
    assertEquals(2, streamed.size(), "read as a stream, and handed to a handler (async)");
    for (ReceivedSpan span : streamed) {
      assertNotNull(span.attribute("gen_ai.response.time_to_first_chunk"), span.toString());
      assertEquals(3L, span.attribute("perf_agent.stream.items"));
      assertEquals("exhausted", span.attribute("perf_agent.end_reason"));
      // from the chunks: the finish reason from the second, the usage from the last
      assertAttributes(span, Map.of("gen_ai.response.id", "chatcmpl-2", "gen_ai.response.finish_reasons",
          List.of("stop"), "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
          "gen_ai.usage.cache_read.input_tokens", 100L));
      assertCost(CHAT_COST, span);
    }

    List<ReceivedSpan> responses = named(spans, "chat gpt-4o");
    assertEquals(2, responses.size(), "the Responses API, answered and streamed");
    for (ReceivedSpan span : responses) {
      assertAttributes(span, Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o-2024-08-06",
          "gen_ai.usage.input_tokens", 50L, "gen_ai.usage.output_tokens", 20L,
          "gen_ai.usage.cache_read.input_tokens", 10L, "gen_ai.usage.reasoning.output_tokens", 4L));
      // gpt-4o-2024-08-06 is gpt-4o: 40 uncached input at 2.5, 10 cached at 1.25, 20 output at 10
      assertCost(RESPONSES_COST, span);
    }
    ReceivedSpan embeddings = named(spans, "embeddings text-embedding-3-small").get(0);
    assertAttributes(embeddings, Map.of("gen_ai.operation.name", "embeddings", "gen_ai.usage.input_tokens", 8L));
    assertCost(EMBEDDINGS_COST, embeddings);

    List<ReceivedSpan> messages = named(spans, "chat claude-sonnet-4-20250514");
    assertEquals(4, messages.size(), "sync, async, streamed and async streamed messages");
    for (ReceivedSpan span : messages) {
      // SdkMain sends temperature and top_k as extra body properties: anthropic-java 3.x has no setters for them
      assertAttributes(span, Map.of("gen_ai.request.temperature", 0.7, "gen_ai.request.top_k", 40L));
      // the streamed one reads them from its message_start and message_delta events
      assertAttributes(span, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L,
          "gen_ai.response.finish_reasons", List.of("end_turn"), "gen_ai.response.model", "claude-sonnet-4-20250514",
          // Anthropic counts cache reads and writes on top of input_tokens: 23 + 3 + 2
          "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
          "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
      // claude-sonnet-4: 23 input at 3, 3 cache reads at 0.3, 2 cache writes at 3.75, 40 output at 15
      assertCost(MESSAGES_COST, span);
    }
    assertEquals(List.of(6L, 6L), messages.stream().filter(s -> s.attribute("gen_ai.request.stream") != null)
        .map(s -> s.attribute("perf_agent.stream.items")).collect(Collectors.toList()));
    assertAttributes(named(spans, "count_tokens claude-sonnet-4-20250514").get(0),
        Map.of("gen_ai.operation.name", "count_tokens", "perf_agent.counted_input_tokens", 17L));
    assertEquals(4 * CHAT_COST + 2 * RESPONSES_COST + EMBEDDINGS_COST + 4 * MESSAGES_COST,
        JsonLinesMetrics.counterTotal(work.resolve("perf-agent-metrics.jsonl"), "perf_agent.gen_ai.cost"), 1e-12,
        "the cost counter adds up every call's cost");
    assertTokenDetails(work, spans, "openai", 4 * 100 + 2 * 10, 0); // chat, responses
    assertTokenDetails(work, spans, "anthropic", 4 * 3, 4 * 2);
  }

  /**
   * perf_agent.gen_ai.client.token.usage.detail counts each call once, from the attributes its span
   * carries: for {@code provider}, the cache reads and writes (worked out by hand) and the reasoning tokens.
   */
  private static void assertTokenDetails(Path work, List<ReceivedSpan> spans, String provider, long cacheReads,
      long cacheWrites) throws Exception {
    Map<String, Long> fromSpans = new TreeMap<>();
    for (String detail : List.of("cache_read.input", "cache_creation.input", "reasoning.output")) {
      long total = spanTotal(spans, provider, "gen_ai.usage." + detail + "_tokens");
      if (total > 0) {
        fromSpans.put(detail.substring(0, detail.indexOf('.')), total);
      }
    }
    assertEquals(cacheReads, fromSpans.getOrDefault("cache_read", 0L), provider);
    assertEquals(cacheWrites, fromSpans.getOrDefault("cache_creation", 0L), provider);
    List<Map<String, Long>> exports = JsonLinesMetrics.longSumsBy(work.resolve("perf-agent-metrics.jsonl"),
        "perf_agent.gen_ai.client.token.usage.detail", "perf_agent.gen_ai.token.detail", "gen_ai.provider.name", provider);
    Map<String, Long> counted = new TreeMap<>(exports.get(exports.size() - 1));
    counted.values().removeIf(v -> v == 0);
    assertEquals(fromSpans, counted, provider);
  }

  /** The sum of the long attribute {@code key} over the spans of {@code provider}. */
  private static long spanTotal(List<ReceivedSpan> spans, String provider, String key) {
    return spans.stream().filter(s -> provider.equals(s.attribute("gen_ai.provider.name")))
        .map(s -> s.attribute(key)).filter(v -> v != null).mapToLong(v -> (Long) v).sum();
  }

  private static void assertCost(double expected, ReceivedSpan span) {
    Object cost = span.attribute("perf_agent.cost.usd");
    assertNotNull(cost, "a cost on " + span.name);
    assertEquals(expected, (Double) cost, 1e-12, span.name);
  }

  @Test
  void aConfigSelectsPresetsAndReplacesAPresetPointcutByName(@TempDir Path work) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, String.join("\n",
        "presets: [anthropic]",
        "prices:",
        "  claude-sonnet-4-20250514: {input: 1, cached-input: 0.5, cache-write: 2, output: 10}",
        "pointcuts:",
        "  - name: anthropic.count_tokens",
        "    class: com.anthropic.services.blocking.MessageServiceImpl",
        "    method: countTokens",
        "    span: \"tokens of {arg0.model}\"",
        // as the preset's: countTokens sends with withRawResponse().countTokens, whose pointcut is in this group
        "    nesting: outermost",
        "    group: llm.count_tokens",
        "    capture:",
        "      counted: return.inputTokens",
        "      mistyped: return.inputTokenCount",
        ""));
    List<ReceivedSpan> spans = run(work, "config=" + config);
    assertTrue(spans.stream().noneMatch(s -> "openai".equals(s.attribute("gen_ai.provider.name"))),
        "the openai preset is off: " + spans);
    assertEquals(4, named(spans, "chat claude-sonnet-4-20250514").size());
    ReceivedSpan counted = named(spans, "tokens of claude-sonnet-4-20250514").get(0);
    assertEquals(17L, counted.attribute("counted"), "the file's pointcut replaced the preset's");
    String mistyped = "pointcut 'anthropic.count_tokens', path return.inputTokenCount can never have a value on"
        + " com.anthropic.services.blocking.MessageServiceImpl.countTokens(), as"
        + " com.anthropic.models.messages.MessageTokensCount has no getter or field 'inputTokenCount';"
        + " the nearest it has: inputTokens";
    assertEquals(1, stderr.split(java.util.regex.Pattern.quote(mistyped), -1).length - 1,
        "a path that cannot resolve is reported once, when the class is woven:\n" + stderr);
    assertEquals(5, spans.size(), spans.toString());
    for (ReceivedSpan span : named(spans, "chat claude-sonnet-4-20250514")) {
      assertCost((23 * 1 + 3 * 0.5 + 2 * 2 + 40 * 10) / 1e6, span); // the config's price wins
    }
  }
}
