package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * What could not be woven, and who is told.
 *
 * <p>Each pointcut's match is {@linkplain #matches guarded}: if deciding whether the pointcut
 * applies to a class throws (a type in its hierarchy cannot be described, say), that pointcut is
 * skipped for the class and every other pointcut still applies. A failure of the whole class (describing it, or writing the advice)
 * is charged to the pointcuts that had matched it.
 *
 * <p>Each class is reported once, by name, when the weaver is done with it: a warning naming the
 * pointcut and the cause when a pointcut targets the class (its {@code class} pattern matches the
 * name, or it had matched the class), otherwise a debug line, since a class no pointcut targets loses nothing by not being woven.
 */
final class WeaveFailures {
  /** Names remembered to report each class once; beyond this, further classes are not logged. */
  private static final int MAX_REPORTED = 10_000;

  private final List<CompiledPointcut> pointcuts;
  private final Logger log;
  private final ThreadLocal<Attempt> current = new ThreadLocal<>();
  /** Class names reported, to whether it was a warning. */
  private final ConcurrentHashMap<String, Boolean> reported = new ConcurrentHashMap<>();
  private final LongAdder failedTypes = new LongAdder();

  WeaveFailures(List<CompiledPointcut> pointcuts, Logger log) {
    this.pointcuts = pointcuts;
    this.log = log;
  }

  /** The number of classes that could not be woven (for all or for some of their pointcuts). */
  long failedTypes() {
    return failedTypes.sum();
  }

  /**
   * Whether {@code pointcut} applies to class {@code typeName}, as {@code decision} says, with its
   * failures contained: a decision that throws is no, and the failure is reported for the class.
   */
  boolean matches(CompiledPointcut pointcut, String typeName, BooleanSupplier decision) {
    try {
      boolean matched = decision.getAsBoolean();
      if (matched) {
        Attempt attempt = attempt(typeName);
        if (attempt != null) {
          attempt.matched.add(pointcut);
        }
      }
      return matched;
    } catch (Throwable t) {
      failed(typeName, pointcut, t);
      return false;
    }
  }

  /** The weaver starts on a class (loaded now, or retransformed). */
  void begin(String typeName) {
    current.set(new Attempt(typeName, current.get()));
  }

  /** The weaver could not describe or rewrite the class. */
  void error(String typeName, Throwable error) {
    Attempt attempt = attempt(typeName);
    if (attempt == null || attempt.matched.isEmpty()) {
      failed(typeName, null, error);
    } else {
      for (CompiledPointcut p : attempt.matched) {
        failed(typeName, p, error);
      }
    }
  }

  /** The weaver is done with the class: what failed is reported. */
  void end(String typeName) {
    Attempt attempt = current.get();
    while (attempt != null && !same(attempt.typeName, typeName)) {
      attempt = attempt.outer; // an inner one never ended: dropped
    }
    if (attempt == null) {
      return;
    }
    if (attempt.outer == null) {
      current.remove();
    } else {
      current.set(attempt.outer);
    }
    if (!attempt.failures.isEmpty()) {
      report(typeName, attempt.failures, attempt.matched);
    }
  }

  private void failed(String typeName, CompiledPointcut pointcut, Throwable cause) {
    Attempt attempt = attempt(typeName);
    if (attempt == null) { // outside a transformation (e.g. a test calling a matcher directly)
      Map<CompiledPointcut, Throwable> one = new LinkedHashMap<>();
      one.put(pointcut, cause);
      report(typeName, one, List.of());
    } else {
      attempt.failures.putIfAbsent(pointcut, cause);
    }
  }

  private void report(
      String typeName, Map<CompiledPointcut, Throwable> failures, List<CompiledPointcut> matched) {
    String name = typeName == null ? "(unnamed class)" : typeName;
    List<String> targeting = new ArrayList<>();
    List<String> others = new ArrayList<>();
    Throwable cause = null; // the first failure of what targets the class, else the first
    boolean causeTargets = false;
    for (Map.Entry<CompiledPointcut, Throwable> f : failures.entrySet()) {
      boolean targets = false;
      if (f.getKey() == null) { // the class as a whole: whatever targets it loses it
        for (CompiledPointcut p : pointcuts) {
          targets |= targets(p, name, matched) && addOnce(targeting, "pointcut '" + p.config().name() + "'");
        }
      } else if (targets(f.getKey(), name, matched)) {
        targets = addOnce(targeting, "pointcut '" + f.getKey().config().name() + "'");
      } else {
        addOnce(others, "'" + f.getKey().config().name() + "'");
      }
      if (cause == null || targets && !causeTargets) {
        cause = f.getValue();
        causeTargets = targets;
      }
    }
    boolean warn = !targeting.isEmpty();
    if (!firstReport(name, warn)) {
      return;
    }
    if (warn) {
      log.warn("perf-agent: could not weave {} for {}: {}", name, String.join(", ", targeting), describe(cause));
    } else if (others.isEmpty()) {
      log.debug("perf-agent: could not weave {}, which no pointcut targets: {}", name, describe(cause));
    } else {
      log.debug("perf-agent: could not match {} against pointcut {}, which does not target it: {}",
          name, String.join(", ", others), describe(cause));
    }
  }

  /** The cause in the user's terms. */
  static String describe(Throwable cause) {
    if (cause instanceof MissingType) {
      return "a class it refers to is missing from its class path (" + cause.getMessage() + ")";
    }
    return cause.toString();
  }

  private static boolean addOnce(List<String> list, String item) {
    if (!list.contains(item)) {
      list.add(item);
    }
    return true;
  }

  /**
   * True the first time a class is reported at this level (a warning after a debug line is still
   * given); counts the class the first time.
   */
  private boolean firstReport(String name, boolean warn) {
    Boolean before = reported.get(name);
    if (before == null) {
      if (reported.size() >= MAX_REPORTED) {
        return false;
      }
      before = reported.putIfAbsent(name, warn);
      if (before == null) {
        failedTypes.increment();
        return true;
      }
    }
    return warn && !before && reported.replace(name, Boolean.FALSE, Boolean.TRUE);
  }

  /** Whether {@code pointcut} aims at the class: its class pattern names it, or it matched it. */
  private static boolean targets(CompiledPointcut pointcut, String typeName, List<CompiledPointcut> matched) {
    return matched.contains(pointcut)
        || pointcut.config().classPattern().map(p -> p.matches(typeName)).orElse(false);
  }

  private Attempt attempt(String typeName) {
    Attempt attempt = current.get();
    return attempt != null && same(attempt.typeName, typeName) ? attempt : null;
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  /** One class being woven on this thread (nested when weaving one class loads another). */
  private static final class Attempt {
    final String typeName;
    final Attempt outer;
    final List<CompiledPointcut> matched = new ArrayList<>(2);
    /** By pointcut (null: the class as a whole), the first failure. */
    final Map<CompiledPointcut, Throwable> failures = new LinkedHashMap<>(2);

    Attempt(String typeName, Attempt outer) {
      this.typeName = typeName;
      this.outer = outer;
    }
  }
}
