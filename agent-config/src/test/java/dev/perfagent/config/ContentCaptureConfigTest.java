package dev.perfagent.config;

import static dev.perfagent.config.Yaml.parse;
import static dev.perfagent.config.Yaml.pointcutProblems;
import static dev.perfagent.config.Yaml.problems;
import static java.util.stream.Collectors.toList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code content:} section, the pointcuts' {@code content:} captures and who switches them on. */
class ContentCaptureConfigTest {
  private static Pointcut inForce(AgentConfig config, String name) {
    return config.pointcutsInForce().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void contentIsNotCapturedByDefaultAndItsPathsAreNotRead() {
    AgentConfig config = parse("pointcuts:", "  - name: p", "    class: a.B", "    method: m",
        "    capture: {gen_ai.request.model: arg0.model}", "    content: {gen_ai.input.messages: arg0.messages}");
    assertFalse(config.content().capture());
    assertEquals(8192, config.content().maxLength());
    assertFalse(config.capturesContent());
    Pointcut p = inForce(config, "p");
    assertEquals(List.of("gen_ai.request.model"), List.copyOf(p.captures().keySet()));
    assertEquals(List.of("arg0.model"), p.allPaths().stream().map(PropertyPath::text).collect(toList()));
    assertEquals(List.of("gen_ai.input.messages"), List.copyOf(p.content().keySet()));
    assertFalse(p.capturesContent("gen_ai.input.messages"));
    for (Pointcut preset : config.pointcutsInForce()) {
      assertTrue(preset.captures().keySet().stream().noneMatch(preset.content()::containsKey), preset.name());
    }
    assertFalse(inForce(config, "openai.chat").content().isEmpty());
  }

  @Test
  void capturingContentReadsTheContentCapturesAfterTheOthersInPresetsToo() {
    AgentConfig config = parse("content:", "  capture: true", "  max-length: 100", "pointcuts:", "  - name: p",
        "    class: a.B", "    method: m", "    capture: {gen_ai.request.model: arg0.model}",
        "    content: {gen_ai.input.messages: arg0.messages, gen_ai.output.messages: return.text}");
    assertTrue(config.content().capture());
    assertEquals(100, config.content().maxLength());
    assertFalse(config.capturesContent(), "the file alone does not decide: ContentSwitch does");
    AgentConfig on = config.capturingContent();
    assertTrue(on.capturesContent());
    assertSame(on, on.capturingContent());
    Pointcut p = inForce(on, "p");
    assertEquals(List.of("gen_ai.request.model", "gen_ai.input.messages", "gen_ai.output.messages"),
        List.copyOf(p.captures().keySet()));
    assertEquals(List.of("arg0.model", "arg0.messages", "return.text"),
        p.allPaths().stream().map(PropertyPath::text).collect(toList()));
    assertTrue(p.capturesContent("gen_ai.input.messages"));
    assertFalse(p.capturesContent("gen_ai.request.model"));
    Pointcut chat = inForce(on, "openai.chat");
    assertTrue(chat.capturesContent("gen_ai.input.messages"));
    assertEquals("arg0.messages", chat.captures().get("gen_ai.input.messages").toString());
    assertFalse(inForce(config, "openai.chat").captures().containsKey("gen_ai.input.messages"),
        "the configuration it came from is unchanged");
  }

  @Test
  void everyLlmPresetHasContentCapturesForItsChatCalls() {
    AgentConfig on = AgentConfig.defaults("none").capturingContent();
    for (String name : List.of("openai.chat", "openai.chat.async", "openai.responses", "openai.responses.stream",
        "anthropic.messages", "anthropic.messages.async", "langchain4j.chat.openai", "langchain4j.chat.anthropic")) {
      Pointcut p = inForce(on, name);
      assertTrue(p.capturesContent("gen_ai.input.messages"), name);
      assertTrue(p.capturesContent("gen_ai.output.messages"), name);
    }
    for (String name : List.of("openai.chat.stream", "openai.chat.stream.async", "anthropic.messages.stream",
        "anthropic.messages.stream.async")) {
      Pointcut p = inForce(on, name);
      assertTrue(p.capturesContent("gen_ai.input.messages"), name);
      assertFalse(p.content().containsKey("gen_ai.output.messages"), "deltas cannot be joined by a path: " + name);
    }
    Pointcut tool = inForce(on, "langchain4j.tool");
    assertTrue(tool.capturesContent("gen_ai.tool.call.arguments"));
    assertTrue(tool.capturesContent("gen_ai.tool.call.result"));
  }

  @Test
  void wrongContentSettingsAreReportedWithTheirPositions() {
    assertEquals(List.of("t.yaml:2:12: capture: expected true or false, got 'yes'",
        "t.yaml:3:15: max-length: expected an integer between 16 and 1048576, got '8'",
        "t.yaml:4:3: unknown key 'maxlength'; expected one of: capture, max-length; did you mean 'max-length'?"),
        problems("content:", "  capture: yes", "  max-length: 8", "  maxlength: 10"));
    assertEquals(List.of("t.yaml:1:10: content: expected a mapping, got a list"), problems("content: [a]"));
    assertEquals(List.of("t.yaml:1:20: capture: expected true or false, got the quoted string 'true'"),
        problems("content: {capture: \"true\"}"));
  }

  @Test
  void anEmptyContentSectionOrMappingMeansTheDefaults() {
    AgentConfig config = parse("content:", "pointcuts:", "  - {name: p, class: a.B, method: m, content: }");
    assertFalse(config.content().capture());
    assertEquals(8192, config.content().maxLength());
    assertTrue(config.pointcuts().get(0).content().isEmpty());
  }

  @Test
  void wrongContentCapturesAreReportedLikeCaptures() {
    assertEquals(List.of("t.yaml:8:7: content 'x': attribute is also set in 'capture'; use one or the other"),
        pointcutProblems("capture:", "  x: arg0.a", "content:", "  x: arg0.b"));
    assertEquals(List.of("t.yaml:5:18: content 'x': invalid path 'arg0.getX()': method calls are not allowed;"
        + " write arg0.x"), pointcutProblems("content: {x: arg0.getX()}"));
    assertEquals(List.of("t.yaml:6:18: content 'x': arg1 does not exist: the method takes 1 parameter"),
        pointcutProblems("parameters: [a.B]", "content: {x: arg1.text}"));
    assertEquals(List.of("t.yaml:5:5: 'chunk' paths read the items of the stream the method returns or of the"
        + " callback it takes; they need end: close or end: callback"), pointcutProblems("content: {x: chunk.text}"));
    assertEquals(List.of("t.yaml:5:14: content: expected a mapping of attribute names to property paths, got 'x'"),
        pointcutProblems("content: x"));
    assertEquals(List.of("t.yaml:6:5: 'content' cannot be used with mode: aggregate (aggregate mode records no span)"),
        pointcutProblems("mode: aggregate", "content: {x: arg0}"));
    assertTrue(pointcutProblems("span: \"chat {x}\"", "content: {x: arg0}").get(0)
        .contains("span: {x} is neither a path"), "content is never part of a span name");
  }

  private static ContentSwitch decide(boolean file, Map<String, String> environment, String property) {
    Properties properties = new Properties();
    if (property != null) {
      properties.setProperty(ContentSwitch.SYSTEM_PROPERTY, property);
    }
    return ContentSwitch.decide(file, environment, properties);
  }

  private static Map<String, String> variable(String value) {
    return Map.of(ContentSwitch.ENVIRONMENT_VARIABLE, value);
  }

  @Test
  void theVariableWinsOverTheFileAndThePropertyOverBoth() {
    assertFalse(decide(false, Map.of(), null).on());
    assertTrue(decide(true, Map.of(), null).on());
    assertEquals("content.capture", decide(true, Map.of(), null).source());
    assertTrue(decide(false, variable("true"), null).on());
    assertFalse(decide(true, variable("false"), null).on());
    assertEquals(ContentSwitch.ENVIRONMENT_VARIABLE, decide(true, variable("false"), null).source());
    assertTrue(decide(false, variable("false"), "true").on());
    assertFalse(decide(true, variable("true"), "FALSE").on());
    assertEquals("-D" + ContentSwitch.SYSTEM_PROPERTY, decide(true, variable("true"), "FALSE").source());
    assertTrue(decide(true, variable(" "), "").on(), "blank settings are not set");
    assertFalse(decide(false, Map.of(), null).warning().isPresent());
  }

  @Test
  void thePythonValuesAreUnderstoodAndAnythingElseCapturesNothingAndSaysSo() {
    assertTrue(decide(false, variable("True"), null).on());
    assertTrue(decide(false, variable("SPAN_ONLY"), null).on());
    assertTrue(decide(false, variable("span_and_event"), null).on());
    assertFalse(decide(true, variable("NO_CONTENT"), null).on());
    ContentSwitch events = decide(true, variable("EVENT_ONLY"), null);
    assertFalse(events.on());
    assertEquals("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT is 'EVENT_ONLY', content on events only;"
        + " perf-agent records it on spans, so message content is not captured", events.warning().orElseThrow());
    ContentSwitch yes = decide(true, variable("yes"), null);
    assertFalse(yes.on(), "a doubtful value never turns content on, whatever the file says");
    assertEquals("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT is 'yes', not true or false (nor NO_CONTENT,"
        + " SPAN_ONLY, EVENT_ONLY or SPAN_AND_EVENT); message content is not captured", yes.warning().orElseThrow());
    assertEquals("-Dotel.instrumentation.genai.capture-message-content is '1', not true or false (nor NO_CONTENT,"
        + " SPAN_ONLY, EVENT_ONLY or SPAN_AND_EVENT); message content is not captured",
        decide(false, Map.of(), "1").warning().orElseThrow());
  }
}
