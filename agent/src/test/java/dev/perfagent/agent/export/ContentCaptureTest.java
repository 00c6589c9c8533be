package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRecord;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pointcut's {@code content:} captures from the recorder to the span's attributes: read and cut
 * at {@code content.max-length} on the calling thread, their secret-named values masked when the
 * span is assembled; the other captures keep the value length and are not touched.
 */
class ContentCaptureTest {
  private static final String YAML = String.join("\n",
      "presets: none",
      "limits: {value-length: 16}",
      "content: {max-length: 40}",
      "pointcuts:",
      "  - name: chat",
      "    class: com.acme.Client",
      "    method: chat",
      "    capture: {gen_ai.request.model: arg0.model}",
      "    content: {gen_ai.input.messages: arg0.messages, gen_ai.system_instructions: arg0.system}");

  private final RecorderState previous = Recorder.state();

  @AfterEach
  void restore() {
    Recorder.install(previous);
  }

  /**
   * The attributes {@code config}'s pointcut captures from one call with {@code argument} as arg0;
   * a capture that was cut adds {@code "<name> cut"}.
   */
  private static Map<String, Object> record(AgentConfig config, Object argument) {
    PointcutCatalog catalog = PointcutCatalog.compile(config, problem -> {
      throw new AssertionError(problem);
    });
    SpanRing ring = new SpanRing(16, catalog.maxValues());
    SiteRegistry sites = new SiteRegistry(
        new RecorderState(ring, config.limits().valueLength(), config.limits().listLength(),
            config.content().maxLength()));
    int id = sites.register(catalog.get(0), "com.acme.Client", "chat", "()V", PointcutPlan.END_AT_EXIT);
    Recorder.exit(Recorder.enter(id), null, argument, null, null, null, null);
    SpanShape shape = new SpanShape(sites.site(id));
    List<Map<String, Object>> spans = new ArrayList<>();
    ring.drain(r -> spans.add(attributes(shape, r)), 10); // a record is read while it is drained
    assertEquals(1, spans.size());
    return spans.get(0);
  }

  private static Map<String, Object> attributes(SpanShape shape, SpanRecord record) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < shape.captureCount(); i++) {
      Object value = shape.captureValue(i, record::value);
      if (value == null) {
        continue;
      }
      out.put(shape.captureKey(i), value instanceof String[] ? List.of((String[]) value) : value);
      if (shape.captureTruncated(i, record::truncated)) {
        out.put(shape.captureKey(i) + " cut", true);
      }
    }
    return out;
  }

  private static final Map<String, Object> REQUEST = Map.of(
      "model", "gpt-4o-mini api_key=visible",
      "messages", List.of("user: my password=hunter2, thanks", "user: " + "x".repeat(60)),
      "system", "Authorization: Bearer sk-1234 here");

  @Test
  void contentIsReadCutToItsLengthAndRedactedOnlyWhenCaptured() throws Exception {
    AgentConfig on = ConfigLoader.parse(YAML, "t.yaml").capturingContent();
    Map<String, Object> attributes = record(on, REQUEST);
    assertEquals("gpt-4o-mini api_", attributes.get("gen_ai.request.model"), "not content: the value length");
    assertTrue((Boolean) attributes.get("gen_ai.request.model cut"));
    assertEquals(List.of("user: my password=***, thanks", "user: " + "x".repeat(34)),
        attributes.get("gen_ai.input.messages"), "cut at content.max-length, then redacted");
    assertTrue((Boolean) attributes.get("gen_ai.input.messages cut"));
    assertEquals("Authorization: *** here", attributes.get("gen_ai.system_instructions"));
    assertFalse(attributes.containsKey("gen_ai.system_instructions cut"));
  }

  @Test
  void withoutContentCaptureTheContentPathsAreNeitherReadNorRecorded() throws Exception {
    AgentConfig off = ConfigLoader.parse(YAML, "t.yaml");
    assertEquals(List.of("gen_ai.request.model", "gen_ai.request.model cut"),
        List.copyOf(record(off, REQUEST).keySet()));
    assertEquals(1, PointcutCatalog.compile(off, p -> { }).maxValues(), "one value per call: the model");
  }

  @Test
  void redactionKeepsOtherValuesAndCopiesLists() {
    String[] frozen = {"token=abc", "plain"};
    assertArrayEquals(new String[] {"token=***", "plain"}, (String[]) ContentRedaction.redact(frozen));
    assertArrayEquals(new String[] {"token=abc", "plain"}, frozen, "the recorded value is not changed");
    assertEquals(42L, ContentRedaction.redact(42L));
    assertEquals(null, ContentRedaction.redact(null));
  }
}
