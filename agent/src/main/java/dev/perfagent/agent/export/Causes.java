package dev.perfagent.agent.export;

/**
 * An exception with the causes under it, for a message: the SDK wraps what went wrong while it was
 * built ({@code ConfigurationException: Unexpected configuration error}), and the cause is what the
 * user needs ({@code export.file names a directory}).
 */
final class Causes {
  private static final int MAX_DEPTH = 8;

  private Causes() {}

  static String chain(Throwable t) {
    StringBuilder text = new StringBuilder(t.toString());
    Throwable cause = t.getCause();
    for (int depth = 0; cause != null && cause != t && depth < MAX_DEPTH; depth++) {
      if (!text.toString().contains(cause.toString())) { // new Exception(cause) repeats it in its message
        text.append(", caused by ").append(cause);
      }
      t = cause;
      cause = cause.getCause();
    }
    return text.toString();
  }
}
