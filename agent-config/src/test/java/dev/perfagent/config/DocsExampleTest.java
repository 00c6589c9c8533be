package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples in docs/configuration.md are valid, and the documented error output is the real one. */
class DocsExampleTest {
  private static String docs;

  @BeforeAll
  static void readDocs() throws Exception {
    Path file = Path.of("..", "docs", "configuration.md");
    assertTrue(Files.isRegularFile(file), "missing " + file.toAbsolutePath());
    docs = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** The first fenced block with the given opening (e.g. "```yaml\n") after {@code marker}. */
  private static String block(String marker, String fence) {
    int at = docs.indexOf(marker);
    assertTrue(at >= 0, "no '" + marker + "' in the docs");
    int start = docs.indexOf(fence, at);
    assertTrue(start >= 0, "no " + fence.trim() + " block after '" + marker + "'");
    start += fence.length();
    int end = docs.indexOf("\n```", start);
    return docs.substring(start, end + 1);
  }

  @Test
  void theReadmesPointcutFileIsValid() throws Exception {
    String readme = new String(Files.readAllBytes(Path.of("..", "README.md")), StandardCharsets.UTF_8);
    int start = readme.indexOf("```yaml\n", readme.indexOf("## A pointcut file")) + "```yaml\n".length();
    AgentConfig c = ConfigLoader.parse(readme.substring(start, readme.indexOf("\n```", start) + 1), "README.md");
    assertEquals(SpanEnd.CLOSE, c.pointcuts().get(c.pointcuts().size() - 1).end());
  }

  @Test
  void theFlowDownExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("### Values that flow down", "```yaml\n"), "perf-agent.yaml");
    assertEquals(List.of("gen_ai.conversation.id", "returns.customer.account"), c.pointcuts().get(0).flowDown());
  }

  @Test
  void completeExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("## Complete example", "```yaml\n"), "perf-agent.yaml");
    assertEquals(Optional.of("returns-assistant"), c.service());
    List<String> names = new ArrayList<>();
    for (Pointcut p : c.pointcuts()) {
      names.add(p.name());
    }
    assertEquals(List.of("llm-chat", "llm-chat-async", "agent-step", "llm-embeddings", "tool-execute",
        "jdbc-execute", "pool-get-connection"), names);
    assertTrue(c.propagation());
    assertEquals(8192, c.limits().valueLength());
    assertEquals(128, c.limits().listLength());
    assertEquals(600_000_000_000L, c.limits().openSpanTimeoutNanos());

    Pointcut chat = c.pointcuts().get(0);
    assertEquals(SpanKind.CLIENT, chat.kind());
    assertEquals("chat", chat.attributes().get("gen_ai.operation.name"));
    assertEquals("openai", chat.attributes().get("gen_ai.provider.name"));
    assertEquals("arg0.model", chat.captures().get("gen_ai.request.model").path().text());
    assertEquals("return.model", chat.captures().get("gen_ai.response.model").path().text());
    assertEquals(List.of("usage", "inputTokens"), chat.captures().get("gen_ai.usage.input_tokens").path().steps());
    assertEquals(List.of("usage", "outputTokens"), chat.captures().get("gen_ai.usage.output_tokens").path().steps());

    assertEquals(SpanEnd.AUTO, c.pointcuts().get(1).end());
    Pointcut step = c.pointcuts().get(2);
    assertEquals(Nesting.OUTERMOST, step.nesting());
    assertEquals("agent-step", step.nestingGroup());

    Pointcut tool = c.pointcuts().get(4);
    assertEquals(Optional.of("com.acme.returns.tools.Tool"), tool.subtypeOf());
    assertEquals("execute_tool {this.name}", tool.spanName().text());
    assertEquals(250_000L, tool.minDurationNanos());

    Pointcut jdbc = c.pointcuts().get(5);
    assertEquals(SpanKind.CLIENT, jdbc.kind());

    Pointcut pool = c.pointcuts().get(6);
    assertEquals(Mode.AGGREGATE, pool.mode());
    assertEquals(Optional.of(List.of()), pool.parameters());
    assertEquals(Map.of("db.client.connection.pool.name", "main"), pool.attributes());
  }

  @Test
  void pointcutSectionExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("## Pointcuts", "```yaml\n"), "example.yaml");
    assertEquals(1, c.pointcuts().size());
    Pointcut p = c.pointcuts().get(0);
    assertEquals(2_000_000L, p.minDurationNanos());
    assertEquals(SpanEnd.EXIT, p.end());
    assertEquals(Nesting.OUTERMOST, p.nesting());
    assertEquals("tools", p.nestingGroup());
  }

  @Test
  void topLevelExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("## Top level", "```yaml\n"), "example.yaml");
    assertTrue(c.propagation());
    assertEquals(4096, c.limits().valueLength());
  }

  @Test
  void exportExampleIsValid() throws Exception {
    String yaml = block("## `export`", "```yaml\n") + "pointcuts: []\n";
    ExportSettings export = ConfigLoader.parse(yaml, "example.yaml").export();
    assertEquals(Optional.of("http://localhost:4318"), export.endpoint());
    assertEquals(Map.of("x-api-key", "secret"), export.headers());
    assertTrue(export.exceptionMessage() && export.exceptionStackTrace());
  }

  @Test
  void messageContentExamplesAndWarningAreTheRealOnes() throws Exception {
    ContentSettings content = ConfigLoader.parse(block("### Switching it on", "```yaml\n"), "example.yaml").content();
    assertTrue(content.capture());
    assertEquals(8192, content.maxLength());
    String warning = block("captures nothing, whatever the file says", "```\n").trim();
    ContentSwitch yes = ContentSwitch.decide(true, Map.of(ContentSwitch.ENVIRONMENT_VARIABLE, "yes"), new Properties());
    assertEquals("[WARN] perf-agent: " + yes.warning().orElseThrow(), warning);
    AgentConfig own = ConfigLoader.parse(block("**Your own pointcuts**", "```yaml\n"), "example.yaml");
    Pointcut p = own.capturingContent().pointcutsInForce().get(0);
    assertEquals(List.of("gen_ai.request.model", "gen_ai.input.messages", "gen_ai.output.messages"),
        List.copyOf(p.captures().keySet()));
  }

  @Test
  void limitsExampleIsValid() throws Exception {
    String yaml = block("## `limits`", "```yaml\n") + "pointcuts: []\n";
    Limits limits = ConfigLoader.parse(yaml, "example.yaml").limits();
    assertEquals(4096, limits.valueLength());
    assertEquals(128, limits.listLength());
    assertEquals(600_000_000_000L, limits.openSpanTimeoutNanos());
  }

  @Test
  void endExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("### When a span ends", "```yaml\n"), "example.yaml");
    assertEquals(SpanEnd.AUTO, c.pointcuts().get(0).end());
    assertEquals(SpanEnd.CLOSE, c.pointcuts().get(1).end());
  }

  @Test
  void nestingExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("### Nested calls", "```yaml\n"), "example.yaml");
    for (Pointcut p : c.pointcuts()) {
      assertEquals(Nesting.OUTERMOST, p.nesting());
      assertEquals("llm", p.nestingGroup());
    }
    assertEquals(2, c.pointcuts().size());
  }

  @Test
  void documentedErrorOutputIsTheRealOne() {
    String yaml = block("## Errors", "```yaml\n");
    String expected = block("the message is:", "```\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "bad.yaml"));
    assertEquals(expected.trim(), e.getMessage());
  }
}
