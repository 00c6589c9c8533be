package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class MaskedLoggerTest {
  private final Recording written = new Recording();
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

  /** Keeps what it is given. */
  private static final class Recording extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      lines.add(level + " " + pattern);
    }
  }
}
