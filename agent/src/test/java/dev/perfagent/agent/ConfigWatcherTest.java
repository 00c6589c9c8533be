package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.config.AgentConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which saved versions of the file reach the running agent, polled by hand (no thread, no clock). */
class ConfigWatcherTest {
  private static final String ONE = "presets: none\npointcuts:\n  - {name: a, class: com.acme.A, method: run}\n";
  private static final String TWO = ONE + "  - {name: b, class: com.acme.B, method: run}\n";

  @TempDir Path dir;
  private final List<String> applied = new ArrayList<>();
  private final RecordingLogger log = new RecordingLogger();
  private int refused;

  private ConfigWatcher watcher(Path file) {
    return new ConfigWatcher(file, null, this::apply, () -> refused++, log);
  }

  /** A watcher of a file holding {@code ONE}, past its first (settled) read. */
  private ConfigWatcher watching(Path file) throws Exception {
    Files.writeString(file, ONE);
    ConfigWatcher watcher = watcher(file);
    watcher.check();
    watcher.check();
    return watcher;
  }

  private void apply(AgentConfig config) {
    List<String> names = new ArrayList<>();
    config.pointcuts().forEach(p -> names.add(p.name()));
    applied.add(String.join(",", names));
  }

  @Test
  void aVersionIsTakenOnlyOnceTwoReadsAgree() throws Exception {
    Path file = Files.writeString(dir.resolve("perf-agent.yaml"), ONE);
    ConfigWatcher watcher = watcher(file);
    watcher.check();
    assertEquals(List.of(), applied, "read once: it may still be being written");
    watcher.check();
    assertEquals(List.of("a"), applied, "the first version is handed over (it may differ from the start's)");
    watcher.check();
    assertEquals(List.of("a"), applied, "unchanged: nothing more");

    Files.writeString(file, TWO.substring(0, TWO.length() - 10)); // a save caught half-way
    watcher.check();
    Files.writeString(file, TWO);
    watcher.check();
    assertEquals(List.of("a"), applied, "never the half-written file");
    watcher.check();
    assertEquals(List.of("a", "a,b"), applied);
    assertEquals(0, refused);
  }

  @Test
  void theVersionTheAgentStartedWithIsNotAppliedAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("perf-agent.yaml"), ONE);
    ConfigWatcher watcher = new ConfigWatcher(file, Files.readAllBytes(file), this::apply, () -> refused++, log);
    watcher.check();
    watcher.check();
    assertEquals(List.of(), applied, "the running version is no change");

    Files.writeString(file, TWO);
    watcher.check();
    watcher.check();
    assertEquals(List.of("a,b"), applied);
  }

  @Test
  void aVersionSavedBetweenTheStartAndTheFirstPollIsApplied() throws Exception {
    Path file = Files.writeString(dir.resolve("perf-agent.yaml"), TWO);
    ConfigWatcher watcher =
        new ConfigWatcher(file, ONE.getBytes(StandardCharsets.UTF_8), this::apply, () -> refused++, log);
    watcher.check();
    watcher.check();
    assertEquals(List.of("a,b"), applied);
  }

  @Test
  void anInvalidVersionIsReportedOnceAndAValidOneLaterIsApplied() throws Exception {
    Path file = dir.resolve("perf-agent.yaml");
    ConfigWatcher watcher = watching(file);
    Files.writeString(file, ONE + "  - {name: [b\n");
    for (int i = 0; i < 5; i++) {
      watcher.check();
    }
    assertEquals(1, refused);
    List<String> errors = new ArrayList<>(log.lines);
    errors.removeIf(l -> !l.startsWith("ERROR"));
    assertEquals(1, errors.size(), log.lines.toString());
    assertTrue(errors.get(0).contains(file + ":4:12: YAML syntax error: this '[' list is never closed"), errors.get(0));
    assertTrue(errors.get(0).endsWith("the change is not applied, the running configuration stays"), errors.get(0));

    Files.writeString(file, TWO);
    watcher.check();
    watcher.check();
    assertEquals(List.of("a", "a,b"), applied);
  }

  @Test
  void aFileThatDisappearsForAWhileIsNoChange() throws Exception {
    Path file = dir.resolve("perf-agent.yaml");
    ConfigWatcher watcher = watching(file);
    Files.delete(file);
    watcher.check();
    watcher.check();
    Files.writeString(file, ONE);
    watcher.check();
    watcher.check();
    assertEquals(List.of("a"), applied, "the version in force again is no change");
    assertEquals(0, refused);
  }
}
