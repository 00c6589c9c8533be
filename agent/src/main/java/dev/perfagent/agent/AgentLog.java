package dev.perfagent.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's logger: the agent's own (shaded) SLF4J with its simple binding, writing to stderr. The
 * property names below are relocated along with SLF4J when the jar is built, so they never meet the
 * application's logging settings. Every message is masked ({@link MaskedLogger}).
 */
final class AgentLog {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private AgentLog() {}

  static Logger init(String level) {
    System.setProperty(PREFIX + "defaultLogLevel", level);
    setDefault("logFile", "System.err");
    setDefault("showThreadName", "false");
    setDefault("showLogName", "false");
    setDefault("levelInBrackets", "true");
    return new MaskedLogger(LoggerFactory.getLogger("perf-agent"));
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(PREFIX + key) == null) {
      System.setProperty(PREFIX + key, value);
    }
  }
}
