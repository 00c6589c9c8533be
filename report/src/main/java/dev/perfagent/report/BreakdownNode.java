package dev.perfagent.report;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of the breakdown: the spans of one name (or name and {@code --by} value) under the same
 * path of parent names, merged. Children in the order they were first met. Aggregate-mode counts
 * ({@code <pointcut>.count}, {@code .total_ms}) found on this node's spans are kept per pointcut.
 */
public final class BreakdownNode {
  private final String name;
  private final Timing timing;
  private final Map<String, BreakdownNode> children = new LinkedHashMap<>();
  private final Map<String, AggregateCount> aggregates = new TreeMap<>();

  BreakdownNode(String name, long seed) {
    this.name = name;
    this.timing = new Timing(seed);
  }

  BreakdownNode child(String childName) {
    return children.computeIfAbsent(childName, n -> new BreakdownNode(n, n.hashCode() ^ name.hashCode()));
  }

  void addAggregate(String pointcut, long count, double totalMillis) {
    aggregates.computeIfAbsent(pointcut, AggregateCount::new).add(count, totalMillis);
  }

  public String name() {
    return name;
  }

  public Timing timing() {
    return timing;
  }

  public Collection<BreakdownNode> children() {
    return Collections.unmodifiableCollection(children.values());
  }

  public Collection<AggregateCount> aggregates() {
    return Collections.unmodifiableCollection(aggregates.values());
  }

  /** Calls of a {@code mode: aggregate} pointcut counted on this node's spans. */
  public static final class AggregateCount {
    private final String pointcut;
    private long count;
    private double totalMillis;

    AggregateCount(String pointcut) {
      this.pointcut = pointcut;
    }

    void add(long n, double millis) {
      count += n;
      totalMillis += millis;
    }

    public String pointcut() {
      return pointcut;
    }

    public long count() {
      return count;
    }

    public double totalMillis() {
      return totalMillis;
    }
  }
}
