package dev.perfagent.agent;

import java.lang.reflect.InvocationTargetException;

/** The one line a start that failed prints: what happened, not the reflection around it. */
final class StartFailure {
  private StartFailure() {}

  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof InvocationTargetException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String what =
        cause instanceof OutOfMemoryError
            ? "not enough memory (" + cause + "; export.buffer-size and the maximum heap, -Xmx, decide what"
                + " the agent allocates at start)"
            : cause.toString();
    return "perf-agent: disabled, could not start: " + what + "; the application runs without instrumentation";
  }
}
