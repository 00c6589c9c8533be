package dev.perfagent.bootstrap;

/**
 * Where a path step finds neither a getter it may call nor a field on the class of the value it
 * meets at run time (a subclass the declared types did not show): the agent installs the listener
 * that says so once per path and class ({@link Recorder#reportMissingStepsTo}).
 */
public final class MissingSteps {
  /** Told once per path and class where a step is missing. */
  public interface Listener {
    void missing(String path, Class<?> type, String step);
  }

  private static volatile Listener listener = (path, type, step) -> {};

  private MissingSteps() {}

  static void use(Listener newListener) {
    listener = newListener;
  }

  static void report(String path, Class<?> type, String step) {
    try {
      listener.missing(path, type, step);
    } catch (Throwable t) {
      // reporting must never cost the value
    }
  }
}
