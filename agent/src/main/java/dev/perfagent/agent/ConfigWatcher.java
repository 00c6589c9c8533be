package dev.perfagent.agent;

import dev.perfagent.bootstrap.AgentThreads;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigException;
import dev.perfagent.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Watches the configuration file and hands each saved version that validates to the running agent.
 * It polls the file by name (so a save by rename is seen like one in place) and takes a version only
 * once two reads in a row agree, so a file caught between two writes is never read half-written. An
 * invalid version is reported once, as at start-up; the running configuration stays until a valid
 * one is saved. It starts from the content the agent started with, so that only a version saved
 * since is handed over.
 */
final class ConfigWatcher {
  static final long POLL_MILLIS = 400;

  private final Path file;
  private final Consumer<AgentConfig> apply;
  private final Runnable refused;
  private final Logger log;
  private byte[] inForce;
  private byte[] lastRead;
  private byte[] reported;

  /**
   * @param inForce the content the running configuration was read from (null: any version the
   *     watcher reads is new)
   * @param apply told each new valid version
   * @param refused told each new invalid version
   */
  ConfigWatcher(Path file, byte[] inForce, Consumer<AgentConfig> apply, Runnable refused, Logger log) {
    this.file = file;
    this.inForce = inForce;
    this.lastRead = inForce;
    this.apply = apply;
    this.refused = refused;
    this.log = log;
  }

  /** Starts the watching thread (a daemon: it never keeps the application alive). */
  void start() {
    Thread thread = new Thread(this::run, "perf-agent-config-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    AgentThreads.markCurrent();
    log.debug("perf-agent: watching {} for changes", file);
    while (true) {
      try {
        Thread.sleep(POLL_MILLIS);
        check();
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        log.error("perf-agent: watching {} failed, changes to it are no longer applied: {}", file, t.toString());
        return;
      }
    }
  }

  /** One poll: applies or reports the file's content if it changed and has held still since the last poll. */
  void check() {
    byte[] content = read();
    if (content == null || Arrays.equals(content, inForce)) {
      lastRead = content;
      return;
    }
    boolean settled = Arrays.equals(content, lastRead);
    lastRead = content;
    if (!settled || Arrays.equals(content, reported)) {
      return;
    }
    try {
      AgentConfig config = ConfigLoader.parseBytes(content, file.toString());
      inForce = content;
      reported = null;
      apply.accept(config);
    } catch (ConfigException e) {
      reported = content;
      refused.run();
      log.error("perf-agent: {}\nperf-agent: the change is not applied, the running configuration stays",
          e.getMessage());
    }
  }

  /** The file's bytes, or null while it does not exist (an editor between delete and rename). */
  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }
}
