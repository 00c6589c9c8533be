package dev.perfagent.agent;

import java.util.Optional;

/**
 * One start of the agent per JVM. A second start (premain and then an attach, or two attaches)
 * would weave every method twice and export every span twice, so it is refused. The marker is a
 * system property: a second copy of the agent may come from another jar, in another class loader,
 * where this class's statics are not the first copy's.
 */
final class OneStart {
  static final String PROPERTY = "perf.agent.started";

  private OneStart() {}

  /** How the start that proceeded was made, if one did. */
  static Optional<String> earlier() {
    return Optional.ofNullable(System.getProperty(PROPERTY));
  }

  /**
   * Claims the JVM for the start described by {@code how}; false, and nothing changed, when another
   * start claimed it first (two attaches can race).
   */
  static boolean claim(String how) {
    return System.getProperties().putIfAbsent(PROPERTY, how) == null;
  }

  /** The one line a refused start prints. */
  static String refusal(String entry, String earlier) {
    return "perf-agent: already running in this JVM (" + earlier + "); this start (" + entry
        + ") is refused and changes nothing";
  }
}
