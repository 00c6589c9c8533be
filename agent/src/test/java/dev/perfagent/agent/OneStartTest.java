package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneStartTest {
  @AfterEach
  void forget() {
    System.clearProperty(OneStart.PROPERTY);
  }

  @Test
  void theFirstClaimWinsAndLaterOnesChangeNothing() {
    assertEquals(Optional.empty(), OneStart.earlier());
    assertTrue(OneStart.claim("premain, config a.yaml"));
    assertFalse(OneStart.claim("agentmain, config b.yaml"));
    assertEquals(Optional.of("premain, config a.yaml"), OneStart.earlier());
  }

  @Test
  void aSecondStartPrintsOneLineAndDoesNothingElse() {
    OneStart.claim("premain, config a.yaml");
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // no instrumentation at hand: a start that went on would fail, and say so
      PerfAgent.agentmain("config=/does/not/exist.yaml", null);
    } finally {
      System.setErr(stderr);
    }
    assertEquals(
        "perf-agent: already running in this JVM (premain, config a.yaml); this start (agentmain) is"
            + " refused and changes nothing" + System.lineSeparator(),
        printed.toString(StandardCharsets.UTF_8));
    assertEquals(Optional.of("premain, config a.yaml"), OneStart.earlier());
  }
}
