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

  private final Map<String, AttributeKey<String>> keys = new HashMap<>();
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
   */
  Attributes of(FlowingValues flowing, Attributes span) {
    if (flowing == null) {
      return Attributes.empty();
    }
    AttributesBuilder b = Attributes.builder();
    span.forEach((key, value) -> {
      for (int i = 0; i < flowing.size(); i++) {
        if (flowing.key(i).equals(key.getKey())) {
          b.put(key(key.getKey()), cap.guarded(key.getKey(), AttributeValues.text(value)));
        }
      }
    });
    return b.build();
  }

  /**
   * {@code point}, the attributes of a point of {@code metric} that include {@code flowed}; with the
   * flowed values as {@link #OTHER} once the metric has {@link #MAX_SERIES} other such sets.
   */
  Attributes capped(String metric, Attributes point, Attributes flowed) {
    if (flowed.isEmpty()) {
      return point;
    }
    if (series.admits(metric, point)) {
      return point;
    }
    AttributesBuilder b = point.toBuilder();
    flowed.forEach((key, value) -> b.put(key(key.getKey()), OTHER));
    return b.build();
  }

  /** Values recorded as {@link #OTHER} so far. */
  LongAdder overflow() {
    return overflow;
  }

  private AttributeKey<String> key(String name) {
    return keys.computeIfAbsent(name, AttributeKey::stringKey);
  }
}
