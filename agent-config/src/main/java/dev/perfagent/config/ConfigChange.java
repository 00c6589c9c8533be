package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new version of the configuration file changes in the running one: the pointcuts in force
 * (presets included) added, removed and changed, by name, and the settings that only take effect at
 * the next start.
 */
public final class ConfigChange {
  private final List<String> added;
  private final List<String> removed;
  private final List<String> changed;
  private final List<String> needingRestart;

  private ConfigChange(List<String> added, List<String> removed, List<String> changed, List<String> needingRestart) {
    this.added = Collections.unmodifiableList(added);
    this.removed = Collections.unmodifiableList(removed);
    this.changed = Collections.unmodifiableList(changed);
    this.needingRestart = Collections.unmodifiableList(needingRestart);
  }

  public static ConfigChange between(AgentConfig running, AgentConfig next) {
    Map<String, Pointcut> before = byName(running.pointcutsInForce());
    Map<String, Pointcut> after = byName(next.pointcutsInForce());
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, Pointcut> e : after.entrySet()) {
      Pointcut old = before.get(e.getKey());
      if (old == null) {
        added.add(e.getKey());
      } else if (!old.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    List<String> removed = new ArrayList<>();
    for (String name : before.keySet()) {
      if (!after.containsKey(name)) {
        removed.add(name);
      }
    }
    List<String> restart = new ArrayList<>();
    differs(restart, "service", running.service(), next.service());
    differs(restart, "export", running.export(), next.export());
    differs(restart, "limits", running.limits(), next.limits());
    differs(restart, "content", running.content(), next.content());
    differs(restart, "propagation", running.propagation(), next.propagation());
    differs(restart, "prices", running.prices(), next.prices());
    differs(restart, "watch", running.watch(), next.watch());
    return new ConfigChange(added, removed, changed, restart);
  }

  private static Map<String, Pointcut> byName(List<Pointcut> pointcuts) {
    Map<String, Pointcut> map = new LinkedHashMap<>();
    pointcuts.forEach(p -> map.put(p.name(), p));
    return map;
  }

  private static void differs(List<String> keys, String key, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      keys.add(key);
    }
  }

  /** Names of the pointcuts the new file adds, in its order. */
  public List<String> added() {
    return added;
  }

  /** Names of the pointcuts in force before and no longer. */
  public List<String> removed() {
    return removed;
  }

  /** Names of the pointcuts in both whose definition differs (where they stand in the file does not count). */
  public List<String> changed() {
    return changed;
  }

  /** The top-level keys whose new values take effect only at the next start. */
  public List<String> needingRestart() {
    return needingRestart;
  }

  /** Whether any pointcut in force differs. */
  public boolean changesPointcuts() {
    return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
  }

  /** One line: {@code added [a], removed [b], changed [c]} (the empty parts left out), or {@code no pointcut changed}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    part(parts, "added", added);
    part(parts, "removed", removed);
    part(parts, "changed", changed);
    return parts.isEmpty() ? "no pointcut changed" : String.join(", ", parts);
  }

  private static void part(List<String> parts, String what, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(what + " " + names);
    }
  }
}
