package dev.perfagent.agent;

import dev.perfagent.bootstrap.MissingSteps;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs, once per path and class, a path step that found no getter or field at run time. (The
 * message puts no colon after the path: "name: value" reads as a setting, and the masking of
 * secrets would hide what follows a path such as {@code return.inputTokens:}.)
 */
final class MissingStepLog implements MissingSteps.Listener {
  private final Logger log;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  MissingStepLog(Logger log) {
    this.log = log;
  }

  @Override
  public void missing(String path, Class<?> type, String step) {
    if (reported.add(path + " " + type.getName())) {
      log.warn("perf-agent: {} has no getter or field '{}' that {} may read; no value from it",
          type.getName(), step, path);
    }
  }
}
