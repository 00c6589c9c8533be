package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.FlowingValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The metric dimensions a span gets from the values flowing down to it ({@code flow-down}), with two
 * cardinality guards: each key keeps its first {@link #MAX_VALUES} distinct values, and each metric
 * its first {@link #MAX_SERIES} attribute sets that carry flowing values (the keys multiply with the
 * metric's other dimensions, and the SDK folds every series beyond 2,000 into one overflow series);
 * beyond either, the flowing values are recorded as {@link #OTHER} (counted; said once per key or
 * metric), so a key such as a conversation id cannot grow a metric without bound. Spans keep the
 * real value. Exporter thread only.
 */
final class FlowDimensions {
  static final int MAX_VALUES = 100;
  static final int MAX_SERIES = 1000;
  static final String OTHER = CardinalityCap.OTHER;
  /** Dimensions kept by the instance of flowing values they were made from (direct-mapped). */
  private static final int KNOWN_FLOWS = 64;
  /** Points refused by a metric's series cap kept with what they are recorded as, per metric. */
  private static final int MAX_REFUSED = 4096;

  private final Map<String, AttributeKey<String>> keys = new HashMap<>();
  private final FlowingValues[] knownFlows = new FlowingValues[KNOWN_FLOWS];
  private final Attributes[] knownDimensions = new Attributes[KNOWN_FLOWS];
  private final int[] knownOverflows = new int[KNOWN_FLOWS];
  private final Map<String, Map<Attributes, Refused>> refused = new HashMap<>();
  private int refusedByLastMade;
  private final LongAdder overflow = new LongAdder();
  private final CardinalityCap cap;
  private final CardinalityCap series;

  /** @param warn told once per key, when it first overflows, and once per metric */
  FlowDimensions(Consumer<String> warn) {
    this.cap =
        new CardinalityCap(MAX_VALUES, key -> warn.accept("flow-down attribute '" + key + "' has more than "
            + MAX_VALUES + " distinct values; metrics record further ones as " + OTHER + " (spans keep them)"),
            overflow);
    this.series =
        new CardinalityCap(MAX_SERIES, metric -> warn.accept("metric " + metric + " has " + MAX_SERIES
            + " series with flow-down values; it records further flow-down values as " + OTHER
            + " (spans keep them)"), overflow);
  }

  /**
   * The dimensions for a span with attributes {@code span} beneath {@code flowing}: each flowing key
   * with the span's value for it (its own, or the one that flowed down), as text; empty when none.
   * When the span has no value of its own for a flowing key ({@code flowingAsIs}) they depend on
   * {@code flowing} alone, so they are made once per instance (all the spans beneath one marking
   * call share it): a value's fate under the cap never changes once decided.
   */
  Attributes of(FlowingValues flowing, Attributes span, boolean flowingAsIs) {
    if (flowing == null) {
      return Attributes.empty();
    }
    if (!flowingAsIs) {
      return made(flowing, span);
    }
    int entry = System.identityHashCode(flowing) & (KNOWN_FLOWS - 1);
    if (knownFlows[entry] == flowing) {
      overflow.add(knownOverflows[entry]);
      return knownDimensions[entry];
    }
    Attributes made = made(flowing, span);
    knownFlows[entry] = flowing;
    knownDimensions[entry] = made;
    knownOverflows[entry] = refusedByLastMade;
    return made;
  }

  /** {@link #of}'s dimensions, made; {@link #refusedByLastMade} counts the values the cap refused. */
  private Attributes made(FlowingValues flowing, Attributes span) {
    refusedByLastMade = 0;
    AttributesBuilder b = Attributes.builder();
    span.forEach((key, value) -> {
      for (int i = 0; i < flowing.size(); i++) {
        if (flowing.key(i).equals(key.getKey())) {
          String text = AttributeValues.text(value);
          boolean admitted = cap.admits(key.getKey(), text);
          b.put(key(key.getKey()), admitted ? text : OTHER);
          if (!admitted) {
            refusedByLastMade++;
          }
        }
      }
    });
    return b.build();
  }

  /**
   * {@code point}, the attributes of a point of {@code metric} that include {@code flowed}; with the
   * flowed values as {@link #OTHER} once the metric has {@link #MAX_SERIES} other such sets. A point
   * once refused stays refused (the metric's set of series is full for good), so what it is recorded
   * as is kept rather than built again for each span.
   */
  Attributes capped(String metric, Attributes point, Attributes flowed) {
    if (flowed.isEmpty()) {
      return point;
    }
    Map<Attributes, Refused> refusedPoints = refused.get(metric);
    Refused known = refusedPoints == null ? null : refusedPoints.get(point);
    if (known != null && known.flowed.equals(flowed)) {
      overflow.increment();
      return known.recordedAs;
    }
    if (series.admits(metric, point)) {
      return point;
    }
    AttributesBuilder b = point.toBuilder();
    flowed.forEach((key, value) -> b.put(key(key.getKey()), OTHER));
    Attributes capped = b.build();
    if (refusedPoints == null) {
      refusedPoints = new HashMap<>();
      refused.put(metric, refusedPoints);
    } else if (refusedPoints.size() >= MAX_REFUSED) {
      refusedPoints.clear();
    }
    refusedPoints.put(point, new Refused(flowed, capped));
    return capped;
  }

  /** Values recorded as {@link #OTHER} so far. */
  LongAdder overflow() {
    return overflow;
  }

  private AttributeKey<String> key(String name) {
    return keys.computeIfAbsent(name, AttributeKey::stringKey);
  }

  /** A refused point's flowed values (which of its keys became {@link #OTHER}) and what it is recorded as. */
  private static final class Refused {
    final Attributes flowed;
    final Attributes recordedAs;

    Refused(Attributes flowed, Attributes recordedAs) {
      this.flowed = flowed;
      this.recordedAs = recordedAs;
    }
  }
}
