package dev.perfagent.config;

import static dev.perfagent.config.Yaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a saved file changes in the running configuration. */
class ConfigChangeTest {
  private static final String[] RUNNING = {
    "presets: none",
    "pointcuts:",
    "  - name: tool",
    "    class: com.acme.Tool",
    "    method: run",
    "    capture: {tool.name: this.name}",
    "  - name: lookup",
    "    class: com.acme.Pool",
    "    method: get",
    "    mode: aggregate",
  };

  @Test
  void theSameFileChangesNothing() {
    ConfigChange change = ConfigChange.between(parse(RUNNING), parse(RUNNING));
    assertFalse(change.changesPointcuts());
    assertEquals(List.of(), change.needingRestart());
    assertEquals("no pointcut changed", change.describe());
  }

  @Test
  void movingAPointcutOrRespacingACaptureIsNoChange() {
    AgentConfig moved = parse("presets: none", "pointcuts:",
        "  - name: lookup", "    class: com.acme.Pool", "    method: get", "    mode: aggregate",
        "", "  - name: tool", "    class: com.acme.Tool", "    method: run",
        "    capture: {tool.name: '  this.name '}");
    assertFalse(ConfigChange.between(parse(RUNNING), moved).changesPointcuts());
  }

  @Test
  void addedRemovedAndChangedPointcutsByName() {
    AgentConfig next = parse("presets: none", "pointcuts:",
        "  - name: tool", "    class: com.acme.Tool", "    method: run",
        "    capture: {tool.name: this.id}",
        "  - name: fork", "    class: com.acme.Session", "    method: fork");
    ConfigChange change = ConfigChange.between(parse(RUNNING), next);
    assertEquals(List.of("fork"), change.added());
    assertEquals(List.of("lookup"), change.removed());
    assertEquals(List.of("tool"), change.changed());
    assertEquals("added [fork], removed [lookup], changed [tool]", change.describe());
  }

  @Test
  void aSpanNameOrModeIsAChange() {
    String[] renamed = RUNNING.clone();
    renamed[4] = "    method: run\n    span: tool.{method}";
    assertEquals(List.of("tool"), ConfigChange.between(parse(RUNNING), parse(renamed)).changed());
    String[] mode = RUNNING.clone();
    mode[9] = "    mode: span";
    assertEquals(List.of("lookup"), ConfigChange.between(parse(RUNNING), parse(mode)).changed());
  }

  @Test
  void switchingPresetsOnAddsTheirPointcuts() {
    String[] withJdbc = RUNNING.clone();
    withJdbc[0] = "presets: [jdbc]";
    ConfigChange change = ConfigChange.between(parse(RUNNING), parse(withJdbc));
    assertTrue(change.added().size() > 3, change.added().toString());
    assertTrue(change.added().stream().allMatch(n -> n.startsWith("jdbc")), change.added().toString());
    assertEquals(change.added(), ConfigChange.between(parse(withJdbc), parse(RUNNING)).removed());
  }

  @Test
  void settingsThatNeedARestartAreNamed() {
    AgentConfig next = parse(concat(RUNNING, "export: {endpoint: 'http://collector:4318', buffer-size: 1024}",
        "limits: {value-length: 100}", "propagation: false", "watch: false",
        "prices: {my-model: {input: 1.0, output: 2.0}}"));
    ConfigChange change = ConfigChange.between(parse(RUNNING), next);
    assertEquals(List.of("export", "limits", "propagation", "prices", "watch"), change.needingRestart());
    assertFalse(change.changesPointcuts());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
