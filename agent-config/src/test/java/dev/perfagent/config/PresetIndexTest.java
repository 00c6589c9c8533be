package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The index the build writes says of each preset pointcut exactly what it weaves. */
class PresetIndexTest {
  @Test
  void eachPresetsTargetsAreThoseOfItsParsedPointcutsInOrder() {
    for (String preset : Presets.NAMES) {
      List<Pointcut> parsed = Presets.pointcuts(preset);
      List<Pointcut> targets = PresetIndex.targets(preset);
      assertEquals(lines(parsed), lines(targets), preset);
      assertEquals(parsed.size(), targets.size(), preset);
      for (int i = 0; i < parsed.size(); i++) {
        Pointcut p = parsed.get(i);
        Pointcut t = targets.get(i);
        assertEquals(p.name(), t.name());
        assertEquals(p.preset(), t.preset());
        assertEquals(p.classPattern(), t.classPattern(), p.name());
        assertEquals(p.subtypeOf(), t.subtypeOf(), p.name());
        assertEquals(p.classAnnotation(), t.classAnnotation(), p.name());
        assertEquals(p.methodPattern(), t.methodPattern(), p.name());
        assertEquals(p.parameters(), t.parameters(), p.name());
        assertEquals(p.methodAnnotation(), t.methodAnnotation(), p.name());
      }
    }
  }

  @Test
  void targetsInForceAreThePointcutsInForceWithoutParsingThePresets() throws ConfigException {
    AgentConfig config = ConfigLoader.parse(String.join("\n",
        "presets: [openai, jdbc]",
        "pointcuts:",
        "  - name: openai.chat", // replaces the preset's
        "    class: com.acme.Chat",
        "    method: send",
        "  - name: mine",
        "    subtype-of: com.acme.Tool",
        "    method: run",
        "    parameters: []"), "test.yaml");
    List<Pointcut> targets = config.targetsInForce();
    List<Pointcut> inForce = config.pointcutsInForce();
    assertEquals(lines(inForce), lines(targets));
    assertEquals(inForce.stream().map(Pointcut::name).collect(Collectors.toList()),
        targets.stream().map(Pointcut::name).collect(Collectors.toList()));
    assertEquals("com.acme.Chat", targets.get(0).classPattern().orElseThrow().text());
    assertEquals(List.of(), targets.get(1).parameters().orElseThrow());
  }

  @Test
  void anUnknownPresetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PresetIndex.targets("langchain5j"));
  }

  /** The file's pointcuts have no preset: their lines say so with an empty preset field. */
  private static List<String> lines(List<Pointcut> pointcuts) {
    return pointcuts.stream()
        .map(p -> p.preset().isPresent() ? PresetIndex.line(p) : "file\t" + p.name() + "\t"
            + p.classPattern().map(NamePattern::text).orElse("-") + "\t" + p.methodPattern().text())
        .collect(Collectors.toList());
  }
}
