package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedLoggerTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(written, true, StandardCharsets.UTF_8);
  private final MaskedLogger log = logger("trace");

  @Test
  void argumentsAreMaskedAfterFormatting() {
    log.info("perf-agent: exporting to {}", "OTLP http://bob:hunter2@collector:4318 (http/protobuf)");
    assertEquals(List.of("[INFO] perf-agent: exporting to OTLP http://***@collector:4318 (http/protobuf)"), lines());
  }

  @Test
  void aStackTraceIsWrittenIntoTheMessageMasked() {
    log.debug("perf-agent: exporter error", new IOException("cannot reach http://u:p4ss@h:1/v1/traces"));
    String text = written.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("[DEBUG] perf-agent: exporter error"), text);
    assertTrue(text.contains("java.io.IOException: cannot reach http://***@h:1/v1/traces"), text);
    assertTrue(text.contains("at dev.perfagent.agent.MaskedLoggerTest"), "with its frames: " + text);
    assertFalse(text.contains("p4ss"), text);
  }

  @Test
  void eachLevelIsNamed() {
    log.error("e");
    log.warn("w {}", 1);
    log.trace("t");
    assertEquals(List.of("[ERROR] e", "[WARN] w 1", "[TRACE] t"), lines());
  }

  @Test
  void levelsBelowTheThresholdAreNeitherEnabledNorWritten() {
    MaskedLogger warnings = logger("WARN");
    assertFalse(warnings.isInfoEnabled() || warnings.isDebugEnabled() || warnings.isTraceEnabled());
    assertTrue(warnings.isWarnEnabled() && warnings.isErrorEnabled());
    warnings.info("not written");
    warnings.warn("one");
    warnings.error("two");
    assertEquals(List.of("[WARN] one", "[ERROR] two"), lines());
  }

  @Test
  void offWritesNothingAndAnUnknownLevelIsInfo() {
    MaskedLogger off = logger("off");
    off.error("not written");
    assertFalse(off.isErrorEnabled());
    assertEquals(List.of(), lines());
    MaskedLogger unknown = logger("loud");
    assertTrue(unknown.isInfoEnabled() && !unknown.isDebugEnabled(), "an unknown name is INFO");
  }

  private MaskedLogger logger(String level) {
    return new MaskedLogger("test", MaskedLogger.threshold(level), () -> out);
  }

  private List<String> lines() {
    String text = written.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
  }
}
