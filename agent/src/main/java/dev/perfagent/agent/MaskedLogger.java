package dev.perfagent.agent;

import dev.perfagent.config.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The agent's log: every message, with its arguments and any stack trace, passes through
 * {@link Secrets#mask} before it is written, so that no setting the agent logs and no library message
 * it forwards (an exporter's failure quoting its URL) can print a secret.
 */
final class MaskedLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger delegate;

  MaskedLogger(Logger delegate) {
    this.delegate = delegate;
    this.name = delegate.getName();
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
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
    message = Secrets.mask(message);
    switch (level) {
      case ERROR:
        delegate.error(message);
        break;
      case WARN:
        delegate.warn(message);
        break;
      case INFO:
        delegate.info(message);
        break;
      case DEBUG:
        delegate.debug(message);
        break;
      default:
        delegate.trace(message);
    }
  }
}
