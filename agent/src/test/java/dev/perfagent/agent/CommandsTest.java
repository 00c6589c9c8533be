package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new Commands(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void presetsPrintsEveryPresetsYaml() {
    assertEquals(Commands.OK, run("presets"));
    assertTrue(out().contains("# ---- preset openai ----"), out());
    assertTrue(out().contains("name: anthropic.messages"), out());
  }

  @Test
  void presetsNamedPrintsOnlyThose() {
    assertEquals(Commands.OK, run("presets", "anthropic"));
    assertTrue(out().contains("name: anthropic.messages"));
    assertTrue(!out().contains("name: openai.chat"));
  }

  @Test
  void unknownCommandsAndPresetsAreErrors() {
    assertEquals(Commands.USAGE, run("reprot"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'reprot'"));
    assertEquals(Commands.USAGE, run("presets", "opneai"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no preset 'opneai'"));
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(Commands.OK, run("--help"));
    assertTrue(out().contains("presets [NAME...]"));
    assertTrue(out().contains("report FILE|DIR...  breakdown"), out());
    assertTrue(out().contains("compare BASE NEW    changes between two runs"), out());
    assertTrue(out().contains("validate CONFIG     check a pointcut file"), out());
  }

  @Test
  void eachCommandHasItsHelpAndRefusesUnknownOptions() {
    assertEquals(Commands.OK, run("report", "--help"));
    assertTrue(out().contains("usage: java -jar perf-agent.jar report FILE|DIR... [options]"), out());
    assertEquals(Commands.OK, run("compare", "--help"));
    assertTrue(out().contains("usage: java -jar perf-agent.jar compare BASE NEW [options]"), out());
    assertEquals(Commands.OK, run("validate", "--help"));
    assertTrue(out().contains("usage: java -jar perf-agent.jar validate CONFIG [--classpath CP]"), out());
    assertEquals(Commands.USAGE, run("report", "x.jsonl", "--colour"));
    assertEquals(Commands.USAGE, run("compare", "a", "b", "--fail-on"));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("perf-agent report: unknown option --colour"), e);
    assertTrue(e.contains("perf-agent compare: --fail-on needs a value"), e);
  }
}
