package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PresetsTest {
  private static AgentConfig parse(String... lines) throws ConfigException {
    return ConfigLoader.parse(String.join("\n", lines), "t.yaml");
  }

  private static List<String> namesInForce(AgentConfig config) {
    return config.pointcutsInForce().stream().map(Pointcut::name).collect(Collectors.toList());
  }

  /** The providers the presets name (gen_ai.provider.name); the SDK presets are named after theirs. */
  private static final Set<String> PROVIDERS = Set.of("openai", "anthropic");

  @Test
  void everyPresetParsesAndItsPointcutsCarryItsNameAndAreUniqueAcrossPresets() {
    Set<String> names = new HashSet<>();
    for (String preset : Presets.NAMES) {
      List<Pointcut> pointcuts = Presets.pointcuts(preset);
      assertFalse(pointcuts.isEmpty(), preset);
      for (Pointcut p : pointcuts) {
        assertEquals(preset, p.preset().orElseThrow());
        assertTrue(p.name().startsWith(preset + "."), p.name());
        assertTrue(names.add(p.name()), "unique: " + p.name());
        if (preset.equals("jdbc")) {
          assertJdbcPointcut(p);
          continue;
        }
        Object operation = p.attributes().get("gen_ai.operation.name");
        assertTrue(operation instanceof String, p.name());
        if (operation.equals("execute_tool") || operation.equals("invoke_agent")) {
          assertEquals(SpanKind.INTERNAL, p.kind(), "in-process work: " + p.name());
          continue;
        }
        assertEquals(SpanKind.CLIENT, p.kind(), p.name());
        Object provider = p.attributes().get("gen_ai.provider.name");
        assertTrue(PROVIDERS.contains(provider), p.name() + ": " + provider);
        if (PROVIDERS.contains(preset)) {
          assertEquals(preset, provider, p.name());
        }
      }
    }
  }

  /** The jdbc preset's spans are database CLIENT spans; its other pointcuts note or guard. */
  private static void assertJdbcPointcut(Pointcut p) {
    if (p.name().startsWith("jdbc.pool.")) {
      assertEquals(Nesting.OUTERMOST, p.nesting(), p.name());
      return;
    }
    Extractor extractor = p.extractor().orElseThrow(() -> new AssertionError(p.name() + " has no extract"));
    if (extractor.readsNote()) {
      assertEquals(SpanKind.CLIENT, p.kind(), p.name());
    }
    if (extractor.readsNote()) {
      assertEquals("jdbc", p.nestingGroup(), "one group, one span per execution: " + p.name());
    }
    if (extractor.guards()) {
      assertTrue(p.nestingGroup().startsWith("jdbc"), p.name());
    }
  }

  @Test
  void presetsAreOnByDefaultAndComeAfterTheFilesOwnPointcuts() throws ConfigException {
    AgentConfig config = parse("pointcuts:", "  - {name: mine, class: a.B, method: m}");
    assertEquals(Presets.NAMES, config.presets());
    assertEquals(List.of("mine"), namesInForce(config).subList(0, 1));
    assertTrue(namesInForce(config).contains("openai.chat"));
    assertTrue(namesInForce(config).contains("anthropic.messages"));
    assertTrue(namesInForce(config).contains("langchain4j.chat.openai"));
    assertEquals(1, config.pointcuts().size(), "pointcuts() is the file's own");
  }

  @Test
  void aFileSelectsSomeAllOrNone() throws ConfigException {
    assertEquals(List.of("anthropic"), parse("presets: [anthropic]").presets());
    assertTrue(namesInForce(parse("presets: [anthropic]")).stream().allMatch(n -> n.startsWith("anthropic.")));
    assertEquals(List.of("openai", "anthropic", "langchain4j"),
        parse("presets: [langchain4j, anthropic, openai, anthropic]").presets(),
        "in the order of Presets.NAMES, once each");
    assertEquals(Presets.NAMES, parse("presets: all").presets());
    assertEquals(List.of(), parse("presets: none").presets());
    assertEquals(List.of(), namesInForce(parse("presets: NONE")));
    assertEquals(List.of(), parse("presets: []").presets());
  }

  @Test
  void aPointcutOfTheFileWithAPresetPointcutsNameReplacesIt() throws ConfigException {
    AgentConfig config = parse("pointcuts:",
        "  - name: openai.chat",
        "    class: com.openai.services.blocking.chat.ChatCompletionServiceImpl",
        "    method: create",
        "    capture: {model: arg0.model}");
    List<Pointcut> chat = config.pointcutsInForce().stream()
        .filter(p -> p.name().equals("openai.chat")).collect(Collectors.toList());
    assertEquals(1, chat.size());
    assertTrue(chat.get(0).preset().isEmpty(), "the file's, not the preset's");
    assertEquals(List.of("model"), List.copyOf(chat.get(0).captures().keySet()));
  }

  @Test
  void anthropicInputTokensAreTheSumOfInputCacheReadAndCacheCreation() {
    Pointcut messages = Presets.pointcuts("anthropic").get(0);
    Capture input = messages.captures().get("gen_ai.usage.input_tokens");
    assertEquals(Capture.Kind.SUM, input.kind());
    assertEquals(List.of("return.usage.inputTokens", "return.usage.cacheReadInputTokens",
        "return.usage.cacheCreationInputTokens"),
        input.terms().stream().map(PropertyPath::text).collect(Collectors.toList()));
  }

  @Test
  void langchain4jHooksTheOneDoChatOfEachProvidersModel() {
    Map<String, Pointcut> byName = Presets.pointcuts("langchain4j").stream()
        .collect(Collectors.toMap(Pointcut::name, p -> p));
    assertEquals(Set.of("langchain4j.chat.openai", "langchain4j.chat.anthropic", "langchain4j.chat.openai.stream",
        "langchain4j.chat.anthropic.stream", "langchain4j.tool", "langchain4j.ai_service"), byName.keySet());
    for (String provider : PROVIDERS) {
      Pointcut chat = byName.get("langchain4j.chat." + provider);
      assertEquals("doChat", chat.methodPattern().text());
      assertEquals(List.of("dev.langchain4j.model.chat.request.ChatRequest"), chat.parameters().orElseThrow(),
          "only the one-argument doChat every chat(...) default ends in");
      assertEquals(provider, chat.attributes().get("gen_ai.provider.name"));
      Pointcut stream = byName.get("langchain4j.chat." + provider + ".stream");
      assertEquals(SpanEnd.CALLBACK, stream.end(), "the answer arrives in the handler");
      assertEquals(chat.captures().keySet(), stream.captures().keySet(), "the handler gets a whole ChatResponse");
      assertEquals(true, stream.attributes().get("gen_ai.request.stream"));
    }
    assertEquals(List.of("return.tokenUsage.inputTokenCount", "return.tokenUsage.cacheReadInputTokens",
        "return.tokenUsage.cacheCreationInputTokens"),
        byName.get("langchain4j.chat.anthropic").captures().get("gen_ai.usage.input_tokens").terms().stream()
            .map(PropertyPath::text).collect(Collectors.toList()),
        "Anthropic's input tokens count cache reads and writes, as in the anthropic preset");
  }

  @Test
  void springAiRequestsAndTheOpenAiSdkRequestsTheySendShareOneNestingGroup() {
    Map<String, Pointcut> byName = Presets.NAMES.stream().flatMap(n -> Presets.pointcuts(n).stream())
        .collect(Collectors.toMap(Pointcut::name, p -> p));
    for (String name : List.of("spring-ai.chat.openai", "spring-ai.chat.anthropic", "spring-ai.chat.openai.stream",
        "spring-ai.chat.anthropic.stream", "openai.chat", "anthropic.messages")) {
      assertEquals(Nesting.OUTERMOST, byName.get(name).nesting(), name);
      assertEquals("llm.chat", byName.get(name).nestingGroup(), "one span per request, tokens counted once: " + name);
    }
    for (String provider : PROVIDERS) {
      Pointcut chat = byName.get("spring-ai.chat." + provider);
      assertEquals("chatCompletionEntity", chat.methodPattern().text(), "1.1's request, one per tool round");
      assertEquals(provider, chat.attributes().get("gen_ai.provider.name"));
    }
    assertEquals(Nesting.OUTERMOST, byName.get("spring-ai.tool").nesting(), "call(input) and call(input, context)");
  }

  @Test
  void theYamlOfAPresetIsTheTextShipped() {
    assertTrue(Presets.yaml("openai").contains("name: openai.chat"));
  }
}
