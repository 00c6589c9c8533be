package dev.perfagent.bootstrap;

/**
 * A thrown exception as the recorder keeps it: type, message and stack trace read once on the
 * thread that saw it, with its causes. The application's exception object is not referenced after
 * the call, and a {@code getMessage()} or {@code getStackTrace()} that throws costs only that part.
 */
public final class FrozenError {
  /** Causes kept below the exception itself; a deeper (or cyclic) chain is cut. */
  static final int MAX_CAUSES = 8;
  private static final StackTraceElement[] NO_STACK = new StackTraceElement[0];

  private final String type;
  private final String message;
  private final StackTraceElement[] stack;
  private final FrozenError cause;

  private FrozenError(String type, String message, StackTraceElement[] stack, FrozenError cause) {
    this.type = type;
    this.message = message;
    this.stack = stack;
    this.cause = cause;
  }

  /** Reads {@code thrown} now; null for null. Never throws; a part that cannot be read is counted. */
  static FrozenError of(Throwable thrown, int maxMessageLength, RecorderStats stats) {
    return of(thrown, maxMessageLength, stats, 0);
  }

  private static FrozenError of(Throwable thrown, int maxMessageLength, RecorderStats stats, int depth) {
    if (thrown == null || depth > MAX_CAUSES) {
      return null;
    }
    String message;
    try {
      message = thrown.getMessage();
      if (message != null && message.length() > maxMessageLength) {
        message = message.substring(0, maxMessageLength);
      }
    } catch (Throwable t) {
      stats.captureErrors.increment();
      message = null;
    }
    StackTraceElement[] stack;
    try {
      stack = thrown.getStackTrace();
    } catch (Throwable t) {
      stats.captureErrors.increment();
      stack = NO_STACK;
    }
    FrozenError cause;
    try {
      Throwable c = thrown.getCause();
      cause = c == thrown ? null : of(c, maxMessageLength, stats, depth + 1);
    } catch (Throwable t) {
      cause = null;
    }
    return new FrozenError(thrown.getClass().getName(), message, stack == null ? NO_STACK : stack, cause);
  }

  public String type() {
    return type;
  }

  /** Null when the exception had none (or reading it failed). */
  public String message() {
    return message;
  }

  public StackTraceElement[] stack() {
    return stack.clone();
  }

  /** Null when there is none. */
  public FrozenError cause() {
    return cause;
  }

  /** The stack trace in {@link Throwable#printStackTrace()} form, cut at {@code maxLength} chars. */
  public String stackTrace(int maxLength) {
    return stackTrace(maxLength, true);
  }

  /** As {@link #stackTrace(int)}; without the messages of the exception and its causes when told. */
  public String stackTrace(int maxLength, boolean withMessages) {
    StringBuilder out = new StringBuilder();
    for (FrozenError e = this; e != null && out.length() < maxLength; e = e.cause) {
      if (e != this) {
        out.append("Caused by: ");
      }
      out.append(e.type);
      if (withMessages && e.message != null) {
        out.append(": ").append(e.message);
      }
      out.append('\n');
      for (StackTraceElement frame : e.stack) {
        if (out.length() >= maxLength) {
          break;
        }
        out.append("\tat ").append(frame).append('\n');
      }
    }
    return out.length() > maxLength ? out.substring(0, maxLength) + "..." : out.toString();
  }
}
