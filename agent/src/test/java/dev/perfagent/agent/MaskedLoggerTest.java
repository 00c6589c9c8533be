package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedLoggerTest {
  private final RecordingLogger written = new RecordingLogger();
  private final MaskedLogger log = new MaskedLogger(written);

  @Test
  void argumentsAreMaskedAfterFormatting() {
    log.info("perf-agent: exporting to {}", "OTLP http://bob:hunter2@collector:4318 (http/protobuf)");
    assertEquals(List.of("INFO perf-agent: exporting to OTLP http://***@collector:4318 (http/protobuf)"), written.lines);
  }

  @Test
  void aStackTraceIsWrittenIntoTheMessageMasked() {
    log.debug("perf-agent: exporter error", new IOException("cannot reach http://u:p4ss@h:1/v1/traces"));
    String line = written.lines.get(0);
    assertTrue(line.startsWith("DEBUG perf-agent: exporter error"), line);
    assertTrue(line.contains("java.io.IOException: cannot reach http://***@h:1/v1/traces"), line);
    assertTrue(line.contains("at dev.perfagent.agent.MaskedLoggerTest"), "with its frames: " + line);
    assertFalse(line.contains("p4ss"), line);
  }

  @Test
  void eachLevelGoesToItsOwn() {
    log.error("e");
    log.warn("w {}", 1);
    log.trace("t");
    assertEquals(List.of("ERROR e", "WARN w 1", "TRACE t"), written.lines);
  }
}
