package dev.perfagent.agent.plan;

import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.Mode;
import dev.perfagent.config.Nesting;
import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pointcuts of one configuration, numbered. Ids index the recorder's plan table and the
 * exporter's span shapes, so both sides agree on what a recorded id means.
 */
public final class PointcutCatalog {
  private final List<CompiledPointcut> pointcuts;

  private PointcutCatalog(List<CompiledPointcut> pointcuts) {
    this.pointcuts = Collections.unmodifiableList(pointcuts);
  }

  /** Compiles every pointcut; one that cannot be compiled is reported and left out. */
  public static PointcutCatalog compile(AgentConfig config, Consumer<String> problems) {
    List<CompiledPointcut> compiled = new ArrayList<>();
    Map<String, Integer> groups = new HashMap<>();
    int aggregates = 0;
    for (Pointcut pointcut : config.pointcutsInForce()) {
      try {
        boolean aggregate = pointcut.mode() == Mode.AGGREGATE;
        if (aggregate && aggregates == RecorderState.MAX_AGGREGATE_SLOTS) {
          throw new IllegalArgumentException(
              "more than " + RecorderState.MAX_AGGREGATE_SLOTS + " aggregate-mode pointcuts");
        }
        int group =
            pointcut.nesting() == Nesting.OUTERMOST
                ? groups.computeIfAbsent(pointcut.nestingGroup(), g -> groups.size())
                : -1;
        compiled.add(new CompiledPointcut(pointcut, compiled.size(), aggregate ? aggregates++ : -1, group));
      } catch (IllegalArgumentException e) {
        problems.accept(config.source() + ":" + pointcut.line() + ": " + e.getMessage());
      }
    }
    return new PointcutCatalog(compiled);
  }

  public List<CompiledPointcut> pointcuts() {
    return pointcuts;
  }

  public CompiledPointcut get(int id) {
    return id >= 0 && id < pointcuts.size() ? pointcuts.get(id) : null;
  }

  public int size() {
    return pointcuts.size();
  }

  /** How many aggregate-mode pointcuts there are (slots in a span's counters). */
  public int aggregateSlots() {
    return (int) pointcuts.stream().filter(CompiledPointcut::aggregate).count();
  }

  /** The most values one call of any pointcut reads: the width of a ring slot. */
  public int maxValues() {
    int width = 0;
    for (CompiledPointcut p : pointcuts) {
      width = Math.max(width, p.valueCount());
    }
    return width;
  }
}
