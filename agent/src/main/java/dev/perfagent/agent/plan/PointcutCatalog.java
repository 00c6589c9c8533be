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
 * The pointcuts of one configuration, compiled, with their aggregate slots and nesting groups
 * numbered. (Call sites, not pointcuts, are what the recorder and the exporter number: see
 * {@link SiteRegistry}.)
 *
 * <p>A catalog compiled to replace a running one ({@link #compile(AgentConfig, Consumer,
 * PointcutCatalog)}) keeps the running one's compiled pointcuts where the definition is unchanged
 * (so their call sites keep their ids), keeps nesting-group numbers by group name, and gives new
 * aggregate-mode pointcuts slots never used before: a span still open across the change reports its
 * counters under the names they had when they were counted.
 */
public final class PointcutCatalog {
  private static final PointcutCatalog NONE =
      new PointcutCatalog(List.of(), Map.of(), new String[0]);

  private final List<CompiledPointcut> pointcuts;
  private final Map<String, Integer> groups;
  /** By aggregate slot: the name of the pointcut that counts in it, now or before a change. */
  private final String[] aggregateNames;

  private PointcutCatalog(List<CompiledPointcut> pointcuts, Map<String, Integer> groups, String[] aggregateNames) {
    this.pointcuts = Collections.unmodifiableList(pointcuts);
    this.groups = groups;
    this.aggregateNames = aggregateNames;
  }

  /** Compiles every pointcut; one that cannot be compiled is reported and left out. */
  public static PointcutCatalog compile(AgentConfig config, Consumer<String> problems) {
    return compile(config, problems, NONE);
  }

  /** The catalog of {@code config}, to replace {@code running} (see the class comment). */
  public static PointcutCatalog compile(AgentConfig config, Consumer<String> problems, PointcutCatalog running) {
    Map<String, CompiledPointcut> before = new HashMap<>();
    running.pointcuts.forEach(p -> before.put(p.config().name(), p));
    List<CompiledPointcut> compiled = new ArrayList<>();
    Map<String, Integer> groups = new HashMap<>(running.groups);
    List<String> aggregateNames = new ArrayList<>(List.of(running.aggregateNames));
    for (Pointcut pointcut : config.pointcutsInForce()) {
      CompiledPointcut same = before.get(pointcut.name());
      if (same != null && same.config().equals(pointcut)) {
        compiled.add(same);
        continue;
      }
      try {
        boolean aggregate = pointcut.mode() == Mode.AGGREGATE;
        if (aggregate && aggregateNames.size() == RecorderState.MAX_AGGREGATE_SLOTS) {
          throw new IllegalArgumentException(
              "more than " + RecorderState.MAX_AGGREGATE_SLOTS + " aggregate-mode pointcuts"
                  + (running == NONE ? "" : " since the start (a restart frees the slots of removed ones)"));
        }
        int group =
            pointcut.nesting() == Nesting.OUTERMOST
                ? groups.computeIfAbsent(pointcut.nestingGroup(), g -> groups.size())
                : -1;
        int slot = aggregate ? aggregateNames.size() : -1;
        compiled.add(new CompiledPointcut(pointcut, slot, group));
        if (aggregate) {
          aggregateNames.add(pointcut.name());
        }
      } catch (IllegalArgumentException e) {
        problems.accept(config.source() + ":" + pointcut.line() + ": " + e.getMessage());
      }
    }
    return new PointcutCatalog(compiled, groups, aggregateNames.toArray(new String[0]));
  }

  public List<CompiledPointcut> pointcuts() {
    return pointcuts;
  }

  /** The {@code index}-th pointcut in force, or null. */
  public CompiledPointcut get(int index) {
    return index >= 0 && index < pointcuts.size() ? pointcuts.get(index) : null;
  }

  public int size() {
    return pointcuts.size();
  }

  /** How many aggregate slots are in use (a span's counters), by this catalog and those it replaced. */
  public int aggregateSlots() {
    return aggregateNames.length;
  }

  /** The name of the pointcut counting in aggregate slot {@code slot}, or in it before a change. */
  public String aggregateName(int slot) {
    return aggregateNames[slot];
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
