package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.bootstrap.SpanRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.function.Supplier;

/**
 * Writes what aggregate-mode calls did inside a span onto that span: for a pointcut named
 * {@code pool.lookup}, {@code pool.lookup.count}, {@code .total_ms}, {@code .min_ms} and
 * {@code .max_ms}. (Their durations feed the {@code perf_agent.aggregate.duration} histogram
 * through {@link AggregateHistogramProducer}.)
 */
final class AggregateAttributes {
  private final Supplier<PointcutCatalog> catalogs;
  // the keys of one catalog; used on the exporter thread only
  private PointcutCatalog builtFor;
  private AttributeKey<Long>[] counts;
  private AttributeKey<Double>[] totals;
  private AttributeKey<Double>[] mins;
  private AttributeKey<Double>[] maxes;

  /** @param catalogs the catalog in force, which changes when the configuration does */
  AggregateAttributes(Supplier<PointcutCatalog> catalogs) {
    this.catalogs = catalogs;
  }

  @SuppressWarnings("unchecked")
  private void build(PointcutCatalog catalog) {
    int n = catalog.aggregateSlots();
    counts = new AttributeKey[n];
    totals = new AttributeKey[n];
    mins = new AttributeKey[n];
    maxes = new AttributeKey[n];
    for (int slot = 0; slot < n; slot++) {
      String name = catalog.aggregateName(slot);
      counts[slot] = AttributeKey.longKey(name + ".count");
      totals[slot] = AttributeKey.doubleKey(name + ".total_ms");
      mins[slot] = AttributeKey.doubleKey(name + ".min_ms");
      maxes[slot] = AttributeKey.doubleKey(name + ".max_ms");
    }
    builtFor = catalog;
  }

  void put(AttributesBuilder attributes, SpanRecord record) {
    long mask = record.aggregateMask();
    if (mask == 0) {
      return;
    }
    PointcutCatalog catalog = catalogs.get();
    if (catalog != builtFor) {
      build(catalog);
    }
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
