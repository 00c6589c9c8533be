package dev.perfagent.agent.export;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes the OpenTelemetry SDK's java.util.logging messages (under the agent's relocated package, so
 * never the application's loggers) to the agent's own log, at most one message per source every 30
 * seconds: an overloaded exporter must not flood the application's stderr.
 */
final class SdkLogBridge extends Handler {
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);
  /** Held strongly: java.util.logging keeps loggers only weakly, and with them our settings. */
  private static Logger sdkRoot;
  private static Logger consoleExporters;

  private final org.slf4j.Logger log;
  private final Formatter formatter = new SimpleFormatter();
  private final Map<String, Long> lastBySource = new ConcurrentHashMap<>();

  private SdkLogBridge(org.slf4j.Logger log) {
    this.log = log;
  }

  static synchronized void install(org.slf4j.Logger log) {
    if (sdkRoot != null) {
      return;
    }
    String sdkPackage = OpenTelemetrySdk.class.getPackage().getName(); // ...io.opentelemetry.sdk
    Logger root = Logger.getLogger(sdkPackage.substring(0, sdkPackage.lastIndexOf('.')));
    root.setUseParentHandlers(false);
    root.setLevel(Level.INFO);
    root.addHandler(new SdkLogBridge(log));
    sdkRoot = root;
    // the console metric exporter (otel.metrics.exporter=console) writes each metric as an INFO
    // message: that is its output, printed whole, not held back (spans: ConsoleSpanExporter)
    Logger console = Logger.getLogger(root.getName() + ".exporter.logging");
    console.setUseParentHandlers(false);
    console.addHandler(new ConsoleExporterOutput());
    consoleExporters = console;
  }

  @Override
  public void publish(LogRecord record) {
    String source = String.valueOf(record.getLoggerName());
    long now = System.nanoTime();
    Long last = lastBySource.get(source);
    if (last != null && now - last < QUIET_NANOS) {
      return;
    }
    lastBySource.put(source, now);
    String message = "perf-agent: OpenTelemetry SDK: " + formatter.formatMessage(record)
        + " (similar messages from this source are held back for 30 s)";
    int level = record.getLevel().intValue();
    if (level >= Level.SEVERE.intValue()) {
      log.error(message);
    } else if (level >= Level.WARNING.intValue()) {
      log.warn(message);
    } else {
      log.debug(message);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private static final class ConsoleExporterOutput extends Handler {
    private final Formatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      System.err.println(formatter.formatMessage(record));
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {}
  }
}
