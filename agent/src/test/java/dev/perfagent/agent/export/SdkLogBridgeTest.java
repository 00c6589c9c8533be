package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.helpers.AbstractLogger;

class SdkLogBridgeTest {
  /** The bridge is installed once per JVM, so all tests share what it was given. */
  private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void install() {
    SdkLogBridge.install(new Capturing(SEEN));
  }

  @Test
  void sdkMessagesReachTheAgentLogOncePerSourceNotTheApplicationsStderr() {
    Logger processor = Logger.getLogger("io.opentelemetry.sdk.trace.export.BatchSpanProcessor");
    for (int i = 0; i < 200; i++) {
      processor.log(java.util.logging.Level.WARNING, "dropped {0} spans", i);
    }
    Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter").severe("Failed to export");
    assertEquals(2, SEEN.size(), SEEN.toString());
    assertTrue(SEEN.get(0).startsWith("WARN perf-agent: OpenTelemetry SDK: dropped 0 spans"), SEEN.get(0));
    assertTrue(SEEN.get(1).startsWith("ERROR perf-agent: OpenTelemetry SDK: Failed to export"), SEEN.get(1));
  }

  @Test
  void theConsoleExportersOutputIsPrintedWholeNotHeldBack() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Logger console = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");
      for (int i = 0; i < 3; i++) {
        console.info("'span " + i + "' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 INTERNAL");
      }
    } finally {
      System.setErr(stderr);
    }
    assertEquals(
        "'span 0' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 INTERNAL\n"
            + "'span 1' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 INTERNAL\n"
            + "'span 2' : 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 INTERNAL\n",
        printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    assertTrue(SEEN.stream().noneMatch(m -> m.contains("'span")), SEEN.toString());
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
