package dev.perfagent.agent;

import org.slf4j.Logger;

/**
 * The agent's logger: every message masked ({@link MaskedLogger}) and written to stderr, at the level
 * the agent argument, {@code -Dperf.agent.log.level} or the file's {@code log-level} says.
 */
final class AgentLog {
  private static final String NAME = "perf-agent";

  private AgentLog() {}

  static Logger init(String level) {
    return new MaskedLogger(NAME, MaskedLogger.threshold(level), () -> System.err);
  }
}
