package dev.perfagent.agent;

import dev.perfagent.config.Secrets;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The agent's log: every message, with its arguments and any stack trace, passes through
 * {@link Secrets#mask} before it is written, so that no setting the agent logs and no library message
 * it forwards (an exporter's failure quoting its URL) can print a secret. Each line is written as
 * {@code [LEVEL] message}. SLF4J is the API the agent's classes log through; no SLF4J binding is
 * shipped, as the one that wrote these lines (slf4j-simple) cost some 40 ms to start, at every exit
 * that logged its summary line.
 */
final class MaskedLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** The lowest level written, as SLF4J numbers them; above ERROR when the log is off. */
  private final int threshold;
  /** Where lines go, asked at each line (an application may replace {@code System.err}). */
  private final transient Supplier<PrintStream> out;

  MaskedLogger(String name, int threshold, Supplier<PrintStream> out) {
    this.name = name;
    this.threshold = threshold;
    this.out = out;
  }

  /** The threshold of a level's name: trace, debug, info, warn, error or off; unknown names are INFO. */
  static int threshold(String level) {
    switch (level.toLowerCase(Locale.ROOT)) {
      case "trace":
        return Level.TRACE.toInt();
      case "debug":
        return Level.DEBUG.toInt();
      case "warn":
        return Level.WARN.toInt();
      case "error":
        return Level.ERROR.toInt();
      case "off":
        return Level.ERROR.toInt() + 1;
      default:
        return Level.INFO.toInt();
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return threshold <= Level.TRACE.toInt();
  }

  @Override
  public boolean isDebugEnabled() {
    return threshold <= Level.DEBUG.toInt();
  }

  @Override
  public boolean isInfoEnabled() {
    return threshold <= Level.INFO.toInt();
  }

  @Override
  public boolean isWarnEnabled() {
    return threshold <= Level.WARN.toInt();
  }

  @Override
  public boolean isErrorEnabled() {
    return threshold <= Level.ERROR.toInt();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    // a throwable as the last argument is the call's throwable, as SLF4J has it
    FormattingTuple formatted =
        throwable == null
            ? MessageFormatter.arrayFormat(pattern, arguments)
            : MessageFormatter.arrayFormat(pattern, arguments, throwable);
    String message = formatted.getMessage();
    Throwable thrown = throwable == null ? formatted.getThrowable() : throwable;
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      message = message + System.lineSeparator() + trace.toString().trim();
    }
    PrintStream stream = out.get();
    stream.println("[" + level + "] " + Secrets.mask(message));
    stream.flush(); // also when the application set a System.err that does not flush on its own
  }
}
