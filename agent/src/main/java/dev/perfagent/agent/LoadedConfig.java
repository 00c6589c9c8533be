package dev.perfagent.agent;

import dev.perfagent.config.AgentConfig;

/**
 * The configuration the agent starts with and the file content it was read from (none without a
 * file), so that watching the file starts from that content instead of reading and applying it again.
 */
final class LoadedConfig {
  private final AgentConfig config;
  private final byte[] content;

  LoadedConfig(AgentConfig config, byte[] content) {
    this.config = config;
    this.content = content;
  }

  AgentConfig config() {
    return config;
  }

  /** The file's bytes as read at start; null when there is no file. */
  byte[] content() {
    return content;
  }
}
