package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.bootstrap.SpanRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * Writes what aggregate-mode calls did inside a span onto that span: for a pointcut named
 * {@code pool.lookup}, {@code pool.lookup.count}, {@code .total_ms}, {@code .min_ms} and
 * {@code .max_ms}. (Their durations feed the {@code perf_agent.aggregate.duration} histogram
 * through {@link AggregateHistogramProducer}.)
 */
final class AggregateAttributes {
  private final AttributeKey<Long>[] counts;
  private final AttributeKey<Double>[] totals;
  private final AttributeKey<Double>[] mins;
  private final AttributeKey<Double>[] maxes;

  @SuppressWarnings("unchecked")
  AggregateAttributes(PointcutCatalog catalog) {
    int n = catalog.aggregateSlots();
    counts = new AttributeKey[n];
    totals = new AttributeKey[n];
    mins = new AttributeKey[n];
    maxes = new AttributeKey[n];
    for (CompiledPointcut p : catalog.pointcuts()) {
      int slot = p.aggregateSlot();
      if (slot >= 0) {
        String name = p.config().name();
        counts[slot] = AttributeKey.longKey(name + ".count");
        totals[slot] = AttributeKey.doubleKey(name + ".total_ms");
        mins[slot] = AttributeKey.doubleKey(name + ".min_ms");
        maxes[slot] = AttributeKey.doubleKey(name + ".max_ms");
      }
    }
  }

  void put(AttributesBuilder attributes, SpanRecord record) {
    long mask = record.aggregateMask();
    while (mask != 0) {
      int slot = Long.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      if (slot >= counts.length) {
        continue;
      }
      attributes.put(counts[slot], record.aggregateCount(slot));
      attributes.put(totals[slot], millis(record.aggregateTotalNanos(slot)));
      attributes.put(mins[slot], millis(record.aggregateMinNanos(slot)));
      attributes.put(maxes[slot], millis(record.aggregateMaxNanos(slot)));
    }
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
