package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message content through the real jar, the real SDKs and the presets ({@code llmsdk.SdkMain},
 * {@code llmsdk.LangChainMain} against the local provider stub): captured only when switched on (by
 * the standard variable, the system property or {@code content.capture}), cut at
 * {@code content.max-length}, secret-named values masked. That nothing is captured by default is
 * checked by the presets' own tests (LlmPresetsIT, LangChainPresetIT).
 */
class ContentCaptureIT {
  static final List<String> CONTENT = List.of("gen_ai.input.messages", "gen_ai.output.messages",
      "gen_ai.system_instructions", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result");
  private static final String VARIABLE = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";
  /** The secret SdkMain puts into its OpenAI chat prompt. */
  private static final String SECRET = "sk-live-4242";

  private AppRun run;

  private List<ReceivedSpan> run(Path work, String agentArgument, List<String> jvmOptions,
      Map<String, String> environment, String main) throws Exception {
    run = AppRun.runMain(AppRun.defaultJava(), jvmOptions, work, agentArgument, environment, main);
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("done"), run.toString());
    assertFalse(run.stderr.contains("capture paths do not call"), "every content getter is called:\n" + run.stderr);
    assertFalse(run.stderr.contains("can never have a value"), "every content path resolves:\n" + run.stderr);
    return JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
  }

  private static List<ReceivedSpan> where(List<ReceivedSpan> spans, String name, boolean streamed) {
    return spans.stream()
        .filter(s -> s.name.equals(name) && streamed == Boolean.TRUE.equals(s.attribute("gen_ai.request.stream")))
        .collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(ReceivedSpan span, String key) {
    Object value = span.attribute(key);
    assertTrue(value instanceof List, key + " of " + span);
    return (List<String>) value;
  }

  @Test
  void theVariableTurnsContentOnInEveryPresetWithSecretsMasked(@TempDir Path work) throws Exception {
    List<ReceivedSpan> spans = run(work, "", List.of(), Map.of(VARIABLE, "true"), "llmsdk.SdkMain");
    assertEquals(12, spans.size(), spans.toString());
    assertTrue(run.stderr.contains("perf-agent: message content is captured (" + VARIABLE + "), cut at 8192"
        + " characters; it may hold personal data"), run.stderr);
    assertFalse(Files.readString(work.resolve("perf-agent-traces.jsonl")).contains(SECRET),
        "the prompt's api_key is masked");

    for (boolean streamed : List.of(false, true)) {
      List<ReceivedSpan> chats = where(spans, "chat gpt-4o-mini", streamed);
      assertEquals(2, chats.size(), "sync and async, or streamed and async streamed");
      for (ReceivedSpan chat : chats) {
        List<String> input = texts(chat, "gen_ai.input.messages");
        assertEquals(2, input.size(), input.toString());
        assertTrue(input.get(0).contains("role=system") && input.get(0).contains("api_key=***}"), input.get(0));
        assertTrue(input.get(1).contains("text=Where is my order?") && input.get(1).contains("role=user"),
            input.get(1));
        if (streamed) {
          assertNull(chat.attribute("gen_ai.output.messages"), "a streamed answer's deltas are not joined");
        } else {
          List<String> output = texts(chat, "gen_ai.output.messages");
          assertEquals(1, output.size());
          assertTrue(output.get(0).contains("content=ok") && output.get(0).contains("role=assistant"), output.get(0));
        }
      }
    }
    for (ReceivedSpan responses : spans.stream().filter(s -> s.name.equals("chat gpt-4o")).collect(Collectors.toList())) {
      assertEquals("Be brief", responses.attribute("gen_ai.system_instructions"));
      assertEquals("Summarise the policy", responses.attribute("gen_ai.input.messages"));
    }
    for (boolean streamed : List.of(false, true)) {
      List<ReceivedSpan> messages = where(spans, "chat claude-sonnet-4-20250514", streamed);
      assertEquals(2, messages.size());
      for (ReceivedSpan message : messages) {
        assertEquals("Answer in one word", message.attribute("gen_ai.system_instructions"));
        assertEquals(List.of("MessageParam{content=Content{string=Is this order eligible?}, role=user,"
            + " additionalProperties={}}"), texts(message, "gen_ai.input.messages"));
        if (streamed) {
          assertNull(message.attribute("gen_ai.output.messages"));
        } else {
          List<String> output = texts(message, "gen_ai.output.messages");
          assertTrue(output.size() == 1 && output.get(0).contains("text=ok"), output.toString());
        }
      }
    }
    for (String name : List.of("embeddings text-embedding-3-small", "count_tokens claude-sonnet-4-20250514")) {
      ReceivedSpan span = spans.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
      assertTrue(CONTENT.stream().noneMatch(span.attributes::containsKey), span.toString());
    }
  }

  @Test
  void theFileTurnsContentOnAndItIsCutAtItsMaxLength(@TempDir Path work) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, String.join("\n", "presets: [openai]", "content:", "  capture: true",
        "  max-length: 40", ""));
    List<ReceivedSpan> spans = run(work, "config=" + config, List.of(), Map.of(), "llmsdk.SdkMain");
    assertTrue(run.stderr.contains("message content is captured (content.capture), cut at 40 characters"),
        run.stderr);
    List<ReceivedSpan> chats = where(spans, "chat gpt-4o-mini", false);
    assertEquals(2, chats.size(), spans.toString());
    for (ReceivedSpan chat : chats) {
      List<String> input = texts(chat, "gen_ai.input.messages");
      assertEquals(List.of("ChatCompletionMessageParam{system=ChatCo", "ChatCompletionMessageParam{user=ChatComp"),
          input);
      assertTrue(texts(chat, "perf_agent.truncated").containsAll(
          List.of("gen_ai.input.messages", "gen_ai.output.messages")), chat.toString());
    }
    assertEquals("Be brief", where(spans, "chat gpt-4o", false).get(0).attribute("gen_ai.system_instructions"));
  }

  @Test
  void aValueOfTheVariableThatIsNotTrueOrFalseCapturesNothingAndSaysSo(@TempDir Path work) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, "presets: [anthropic]\ncontent: {capture: true}\n");
    List<ReceivedSpan> spans = run(work, "config=" + config, List.of(), Map.of(VARIABLE, "yes"), "llmsdk.SdkMain");
    assertEquals(5, spans.size(), spans.toString());
    for (ReceivedSpan span : spans) {
      assertTrue(CONTENT.stream().noneMatch(span.attributes::containsKey), span.toString());
    }
    assertTrue(run.stderr.contains("perf-agent: " + VARIABLE + " is 'yes', not true or false (nor NO_CONTENT,"
        + " SPAN_ONLY, EVENT_ONLY or SPAN_AND_EVENT); message content is not captured"), run.stderr);
    assertFalse(run.stderr.contains("message content is captured"), run.stderr);
  }

  @Test
  void theSystemPropertyTurnsContentOnForLangChainsChatsAndTools(@TempDir Path work) throws Exception {
    SpanTree tree = new SpanTree(run(work, "",
        List.of("-Dotel.instrumentation.genai.capture-message-content=true"), Map.of(), "llmsdk.LangChainMain"));
    assertTrue(run.stderr.contains("message content is captured (-Dotel.instrumentation.genai.capture-message-content)"),
        run.stderr);
    ReceivedSpan openai = tree.where(s -> "chatcmpl-1".equals(s.attribute("gen_ai.response.id"))).get(0);
    assertEquals(List.of("UserMessage { name = null, contents = [TextContent { text = \"Where is my order?\" }],"
        + " attributes = {} }"), texts(openai, "gen_ai.input.messages"));
    assertTrue(String.valueOf(openai.attribute("gen_ai.output.messages")).startsWith("AiMessage { text = \"ok\""),
        openai.toString());
    ReceivedSpan askTools = tree.where(s -> "chatcmpl-t1".equals(s.attribute("gen_ai.response.id"))).get(0);
    assertTrue(String.valueOf(askTools.attribute("gen_ai.output.messages")).contains("toolExecutionRequests = ["),
        "the model's tool calls: " + askTools);

    List<ReceivedSpan> tools = tree.where(s -> s.name.equals("execute_tool orderStatus"));
    assertEquals(2, tools.size(), tools.toString());
    ReceivedSpan shipped = tools.stream().filter(t -> "call_1".equals(t.attribute("gen_ai.tool.call.id")))
        .findFirst().orElseThrow();
    assertEquals("{\"orderId\":\"A-17\"}", shipped.attribute("gen_ai.tool.call.arguments"));
    assertEquals("order A-17 has shipped", shipped.attribute("gen_ai.tool.call.result"));
    ReceivedSpan failed = tools.stream().filter(t -> "call_2".equals(t.attribute("gen_ai.tool.call.id")))
        .findFirst().orElseThrow();
    assertEquals("{\"orderId\":\"Z-9\"}", failed.attribute("gen_ai.tool.call.arguments"));
    assertNull(failed.attribute("gen_ai.tool.call.result"), "the tool threw: no result");
  }
}
