package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The langchain4j preset on real LangChain4j ({@code llmsdk.LangChainMain}: its own OpenAI and
 * Anthropic clients against a local stub of the providers' APIs), with no configuration: one CLIENT
 * span per request sent to a model, with the exact tokens the stub sent, a streamed one ending when its
 * handler is told the response is complete; an execute_tool span per
 * tool call, ERROR when the tool threw; an invoke_agent span holding the AI service's requests and
 * tools.
 */
class LangChainPresetIT {
  private static final String AGENT = "invoke_agent llmsdk.LangChainMain$OrderAssistant";

  @Test
  void chatCallsToolCallsAndAiServicesBecomeGenAiSpans(@TempDir Path plain, @TempDir Path work) throws Exception {
    AppRun without = AppRun.runMain(AppRun.defaultJava(), plain, null, "llmsdk.LangChainMain");
    assertEquals(0, without.exitCode, without.toString());
    assertTrue(without.stdout.contains("done"), without.toString());
    AppRun run = AppRun.runMain(AppRun.defaultJava(), work, "", "llmsdk.LangChainMain");
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(without.stdout, run.stdout, "the application's own output is unchanged\n" + run.stderr);
    assertFalse(run.stderr.contains("capture paths do not call"), "every captured getter is called:\n" + run.stderr);

    SpanTree tree = new SpanTree(JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl")));
    List<ReceivedSpan> chats = tree.where(s -> s.name.startsWith("chat "));
    assertEquals(modelRequests(run), chats.size(), "one chat span per request the stub received: " + chats);
    assertEquals(6, chats.size(), "2 direct chat calls, 2 streamed, 2 rounds of the AI service: " + chats);
    assertTrue(chats.stream().allMatch(s -> s.kind.equals("SPAN_KIND_CLIENT")), chats.toString());

    ReceivedSpan openai = response(tree, "chatcmpl-1");
    assertEquals("chat gpt-4o-mini", openai.name);
    assertAttributes(openai, Map.of("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai",
        "gen_ai.request.model", "gpt-4o-mini", "gen_ai.request.max_tokens", 200L, "gen_ai.request.temperature", 0.2,
        "gen_ai.response.model", "gpt-4o-mini-2024-07-18", "gen_ai.response.finish_reasons", List.of("STOP"),
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L));
    assertAttributes(openai, Map.of("gen_ai.usage.cache_read.input_tokens", 100L,
        "gen_ai.usage.reasoning.output_tokens", 5L));
    ReceivedSpan anthropic = response(tree, "msg_1");
    assertEquals("chat claude-sonnet-4-20250514", anthropic.name);
    assertAttributes(anthropic, Map.of("gen_ai.provider.name", "anthropic", "gen_ai.request.max_tokens", 512L,
        "gen_ai.response.model", "claude-sonnet-4-20250514",
        // Anthropic counts cache reads and writes on top of input_tokens: 23 + 3 + 2
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L,
        "gen_ai.usage.cache_read.input_tokens", 3L, "gen_ai.usage.cache_creation.input_tokens", 2L));
    assertTrue(openai.parentSpanId.isEmpty() && anthropic.parentSpanId.isEmpty(), "direct calls are roots");

    // streamed: the handler got the chunks on LangChain4j's HTTP client thread; onCompleteResponse
    // ended the span and its ChatResponse gave the model, finish reason and usage
    ReceivedSpan openaiStream = response(tree, "chatcmpl-2");
    assertAttributes(openaiStream, Map.of("gen_ai.request.stream", true, "gen_ai.request.model", "gpt-4o-mini",
        "gen_ai.response.model", "gpt-4o-mini-2024-07-18", "gen_ai.response.finish_reasons", List.of("STOP"),
        "gen_ai.usage.input_tokens", 120L, "gen_ai.usage.output_tokens", 30L,
        "gen_ai.usage.cache_read.input_tokens", 100L, "perf_agent.stream.items", 2L));
    ReceivedSpan anthropicStream = response(tree, "msg_2");
    assertAttributes(anthropicStream, Map.of("gen_ai.request.stream", true, "gen_ai.provider.name", "anthropic",
        "gen_ai.usage.input_tokens", 28L, "gen_ai.usage.output_tokens", 40L, "perf_agent.stream.items", 1L));
    for (ReceivedSpan streamed : List.of(openaiStream, anthropicStream)) {
      assertEquals("SPAN_KIND_CLIENT", streamed.kind);
      assertTrue(streamed.parentSpanId.isEmpty(), streamed.toString());
      double firstChunk = ((Number) streamed.attribute("gen_ai.response.time_to_first_chunk")).doubleValue();
      assertTrue(firstChunk > 0 && firstChunk * 1e9 <= streamed.endNanos - streamed.startNanos, streamed.toString());
    }

    List<ReceivedSpan> agents = tree.where(s -> s.name.startsWith("invoke_agent "));
    assertEquals(1, agents.size(), agents.toString());
    ReceivedSpan agent = agents.get(0);
    assertEquals(AGENT, agent.name);
    assertEquals("SPAN_KIND_INTERNAL", agent.kind);
    assertTrue(agent.parentSpanId.isEmpty(), agent.toString());
    assertAttributes(agent, Map.of("gen_ai.operation.name", "invoke_agent",
        "gen_ai.agent.name", "llmsdk.LangChainMain$OrderAssistant", "gen_ai.conversation.id", "default"));

    ReceivedSpan askTools = response(tree, "chatcmpl-t1");
    ReceivedSpan answer = response(tree, "chatcmpl-t2");
    assertAttributes(askTools, Map.of("gen_ai.response.finish_reasons", List.of("TOOL_EXECUTION"),
        "gen_ai.usage.input_tokens", 61L, "gen_ai.usage.output_tokens", 12L));
    assertAttributes(answer, Map.of("gen_ai.response.finish_reasons", List.of("STOP"),
        "gen_ai.usage.input_tokens", 97L, "gen_ai.usage.output_tokens", 14L));

    List<ReceivedSpan> tools = tree.where(s -> s.name.startsWith("execute_tool"));
    assertEquals(2, tools.size(), "one span per tool call: " + tools);
    for (ReceivedSpan step : List.of(askTools, tools.get(0), tools.get(1), answer)) {
      assertEquals(agent, tree.parent(step), "the AI service's requests and tools are its children: " + step);
    }
    for (ReceivedSpan tool : tools) {
      assertEquals("execute_tool orderStatus", tool.name);
      assertEquals("SPAN_KIND_INTERNAL", tool.kind);
      assertAttributes(tool, Map.of("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "orderStatus"));
      assertTrue(askTools.endNanos <= tool.startNanos && tool.endNanos <= answer.startNanos,
          "the tools run between the two model requests: " + tool);
    }
    ReceivedSpan shipped = tool(tools, "call_1");
    assertEquals("STATUS_CODE_UNSET", shipped.statusCode, shipped.toString());
    ReceivedSpan failed = tool(tools, "call_2");
    assertEquals("STATUS_CODE_ERROR", failed.statusCode, "the tool threw: " + failed);
    assertEquals("dev.langchain4j.exception.ToolExecutionException", failed.attribute("error.type"));
    assertEquals(List.of("exception"), failed.eventNames);

    assertEquals(9, tree.spans().size(), "nothing else, e.g. no openai-java span: " + tree.spans());
    for (ReceivedSpan span : tree.spans()) {
      assertTrue(ContentCaptureIT.CONTENT.stream().noneMatch(span.attributes::containsKey),
          "no message content unless switched on: " + span);
    }
  }

  private static long modelRequests(AppRun run) {
    Matcher m = Pattern.compile("model requests: (\\d+)").matcher(run.stdout);
    assertTrue(m.find(), run.toString());
    return Long.parseLong(m.group(1));
  }

  private static ReceivedSpan response(SpanTree tree, String id) {
    List<ReceivedSpan> found = tree.where(s -> id.equals(s.attribute("gen_ai.response.id")));
    assertEquals(1, found.size(), "one span for response " + id + ": " + tree.spans());
    return found.get(0);
  }

  private static ReceivedSpan tool(List<ReceivedSpan> tools, String callId) {
    return tools.stream().filter(t -> callId.equals(t.attribute("gen_ai.tool.call.id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no tool span for " + callId + ": " + tools));
  }

  private static void assertAttributes(ReceivedSpan span, Map<String, Object> expected) {
    expected.forEach((key, value) -> assertEquals(value, span.attribute(key), key + " of " + span.name));
  }
}
