package dev.perfagent.agent.weave;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Lets one pointcut weave at most {@code limits.classes-per-pointcut} classes, so that an over-wide
 * pattern ({@code class: "**"}) cannot rewrite the whole application: the first classes loaded are
 * woven, later ones are left alone, and one warning names the pointcut and the limit.
 */
final class ClassLimit {
  private final String pointcut;
  private final int limit;
  private final Logger log;
  private final Set<String> woven = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean warned = new AtomicBoolean();

  ClassLimit(String pointcut, int limit, Logger log) {
    this.pointcut = pointcut;
    this.limit = limit;
    this.log = log;
  }

  /** Whether class {@code name} may be woven: one woven before, or one more within the limit. */
  boolean admits(String name) {
    if (woven.contains(name)) {
      return true;
    }
    if (woven.size() >= limit) {
      if (warned.compareAndSet(false, true)) {
        log.warn(
            "perf-agent: pointcut '{}' matches more than {} classes (limits.classes-per-pointcut): the first"
                + " ones loaded are woven; {} and the classes it matches from now on, your application's maybe"
                + " among them, are not; name a package (com.acme.**) or a supertype (subtype-of)",
            pointcut, limit, name);
      }
      return false;
    }
    woven.add(name);
    return true;
  }
}
