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
  void completeExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("## Complete example", "```yaml\n"), "perf-agent.yaml");
    assertEquals(Optional.of("returns-assistant"), c.service());
    List<String> names = new ArrayList<>();
    for (Pointcut p : c.pointcuts()) {
      names.add(p.name());
    }
    assertEquals(List.of("llm-chat", "llm-embeddings", "tool-execute", "jdbc-execute", "pool-get-connection"), names);

    Pointcut chat = c.pointcuts().get(0);
    assertEquals(SpanKind.CLIENT, chat.kind());
    assertEquals("chat", chat.attributes().get("gen_ai.operation.name"));
    assertEquals("openai", chat.attributes().get("gen_ai.provider.name"));
    assertEquals("arg0.model", chat.captures().get("gen_ai.request.model").text());
    assertEquals("return.model", chat.captures().get("gen_ai.response.model").text());
    assertEquals(List.of("usage", "inputTokens"), chat.captures().get("gen_ai.usage.input_tokens").steps());
    assertEquals(List.of("usage", "outputTokens"), chat.captures().get("gen_ai.usage.output_tokens").steps());

    Pointcut tool = c.pointcuts().get(2);
    assertEquals(Optional.of("com.acme.returns.tools.Tool"), tool.subtypeOf());
    assertEquals("execute_tool {this.name}", tool.spanName().text());
    assertEquals(250_000L, tool.minDurationNanos());

    Pointcut jdbc = c.pointcuts().get(3);
    assertEquals(SpanKind.CLIENT, jdbc.kind());

    Pointcut pool = c.pointcuts().get(4);
    assertEquals(Mode.AGGREGATE, pool.mode());
    assertEquals(Optional.of(List.of()), pool.parameters());
    assertEquals(Map.of("db.client.connection.pool.name", "main"), pool.attributes());
  }

  @Test
  void pointcutSectionExampleIsValid() throws Exception {
    AgentConfig c = ConfigLoader.parse(block("## Pointcuts", "```yaml\n"), "example.yaml");
    assertEquals(1, c.pointcuts().size());
    assertEquals(2_000_000L, c.pointcuts().get(0).minDurationNanos());
  }

  @Test
  void documentedErrorOutputIsTheRealOne() {
    String yaml = block("## Errors", "```yaml\n");
    String expected = block("the message is:", "```\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "bad.yaml"));
    assertEquals(expected.trim(), e.getMessage());
  }
}
