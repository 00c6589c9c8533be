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
  private String withoutAgent;

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
    assertEquals(9, spans.size(), "one span per SDK call: " + spans);
    assertTrue(spans.stream().allMatch(s -> s.kind.equals("SPAN_KIND_CLIENT")), spans.toString());

    List<ReceivedSpan> chat = named(spans, "chat gpt-4o-mini");
    assertEquals(3, chat.size(), "sync, async and streamed chat");
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
    }
    ReceivedSpan streamed = chat.stream().filter(s -> Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
        .findFirst().orElseThrow();
    assertNotNull(streamed.attribute("gen_ai.response.time_to_first_chunk"), streamed.toString());
    assertEquals(3L, streamed.attribute("perf_agent.stream.items"));

    ReceivedSpan responses = named(spans, "chat gpt-4o").get(0);
    assertAttributes(responses, Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.response.model", "gpt-4o-2024-08-06",
        "gen_ai.usage.input_tokens", 50L, "gen_ai.usage.output_tokens", 20L,
        "gen_ai.usage.cache_read.input_tokens", 10L, "gen_ai.usage.reasoning.output_tokens", 4L));
    assertAttributes(named(spans, "embeddings text-embedding-3-small").get(0),
        Map.of("gen_ai.operation.name", "embeddings", "gen_ai.usage.input_tokens", 8L));

    List<ReceivedSpan> messages = named(spans, "chat claude-sonnet-4-20250514");
    assertEquals(3, messages.size(), "sync, async and streamed messages");
    for (ReceivedSpan span : messages) {
      // SdkMain sends temperature and top_k as extra body properties: anthropic-java 3.x has no setters for them
      assertAttributes(span, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L,
          "gen_ai.request.temperature", 0.7, "gen_ai.request.top_k", 40L));
      if (span.attribute("gen_ai.request.stream") == null) {
        assertAttributes(span, Map.of(
            "gen_ai.response.finish_reasons", "end_turn", "gen_ai.response.model", "claude-sonnet-4-20250514",
            // Anthropic counts cache reads and writes on top of input_tokens: 23 + 3 + 2
            "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
            "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
      } else {
        assertEquals(6L, span.attribute("perf_agent.stream.items"));
      }
    }
    assertAttributes(named(spans, "count_tokens claude-sonnet-4-20250514").get(0),
        Map.of("gen_ai.operation.name", "count_tokens", "perf_agent.counted_input_tokens", 17L));
  }

  @Test
  void aConfigSelectsPresetsAndReplacesAPresetPointcutByName(@TempDir Path work) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, String.join("\n",
        "presets: [anthropic]",
        "pointcuts:",
        "  - name: anthropic.count_tokens",
        "    class: com.anthropic.services.blocking.MessageServiceImpl",
        "    method: countTokens",
        "    span: \"tokens of {arg0.model}\"",
        "    capture:",
        "      counted: return.inputTokens",
        ""));
    List<ReceivedSpan> spans = run(work, "config=" + config);
    assertTrue(spans.stream().noneMatch(s -> "openai".equals(s.attribute("gen_ai.provider.name"))),
        "the openai preset is off: " + spans);
    assertEquals(3, named(spans, "chat claude-sonnet-4-20250514").size());
    ReceivedSpan counted = named(spans, "tokens of claude-sonnet-4-20250514").get(0);
    assertEquals(17L, counted.attribute("counted"), "the file's pointcut replaced the preset's");
    assertEquals(4, spans.size(), spans.toString());
  }
}
