package dev.perfagent.agent;

import dev.perfagent.bootstrap.MissingSteps;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Logs, once per path and class, a path step that found no getter or field at run time. */
final class MissingStepLog implements MissingSteps.Listener {
  private final Logger log;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  MissingStepLog(Logger log) {
    this.log = log;
  }

  @Override
  public void missing(String path, Class<?> type, String step) {
    if (reported.add(path + " " + type.getName())) {
      log.warn("perf-agent: {}: {} has no getter or field '{}' that the path may read; no value from it",
          path, type.getName(), step);
    }
  }
}
