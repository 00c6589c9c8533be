package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.helpers.AbstractLogger;

class SdkLogBridgeTest {
  @Test
  void sdkMessagesReachTheAgentLogOncePerSourceNotTheApplicationsStderr() {
    List<String> seen = new ArrayList<>();
    SdkLogBridge.install(new Capturing(seen));
    Logger processor = Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor");
    for (int i = 0; i < 200; i++) {
      processor.log(java.util.logging.Level.WARNING, "dropped {0} spans", i);
    }
    Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter").severe("Failed to export");
    assertEquals(2, seen.size(), seen.toString());
    assertTrue(seen.get(0).startsWith("WARN perf-agent: OpenTelemetry SDK: dropped 0 spans"), seen.get(0));
    assertTrue(seen.get(1).startsWith("ERROR perf-agent: OpenTelemetry SDK: Failed to export"), seen.get(1));
  }

  /** An SLF4J logger that keeps what it is given. */
  private static final class Capturing extends AbstractLogger {
    private final List<String> seen;

    Capturing(List<String> seen) {
      this.seen = seen;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        org.slf4j.event.Level level, Marker marker, String message, Object[] arguments, Throwable t) {
      seen.add(level + " " + message);
    }

    @Override public boolean isTraceEnabled() { return true; }
    @Override public boolean isTraceEnabled(Marker marker) { return true; }
    @Override public boolean isDebugEnabled() { return true; }
    @Override public boolean isDebugEnabled(Marker marker) { return true; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isInfoEnabled(Marker marker) { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isWarnEnabled(Marker marker) { return true; }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public boolean isErrorEnabled(Marker marker) { return true; }
  }
}
