package dev.perfagent.agent;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Keeps what is logged, at every level, as "LEVEL message" (the arguments formatted in). */
public final class RecordingLogger extends LegacyAbstractLogger {
  public final List<String> lines = new ArrayList<>();

  /** All but the debug lines saying what was woven. */
  public synchronized List<String> problems() {
    List<String> problems = new ArrayList<>(lines);
    problems.removeIf(l -> l.startsWith("DEBUG perf-agent: woven "));
    return problems;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
    synchronized (this) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(message, arguments));
    }
  }

  @Override
  public String getName() {
    return "test";
  }

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
}
