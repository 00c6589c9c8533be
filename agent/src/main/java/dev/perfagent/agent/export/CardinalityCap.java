package dev.perfagent.agent.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A guard against unbounded metric cardinality: per key, the first {@code max} distinct values pass
 * and every later one is recorded as {@link #OTHER} (counted, and said once per key), so a value such
 * as a conversation id or a generated span name cannot grow a metric without bound. Exporter thread
 * only.
 */
final class CardinalityCap {
  static final String OTHER = "_OTHER";

  private final int max;
  private final Map<String, Set<Object>> seen = new HashMap<>();
  private final Set<String> overflowed = new HashSet<>();
  private final LongAdder overflow;
  private final Consumer<String> firstOverflow;

  /** @param firstOverflow told the key that first overflows, once per key */
  CardinalityCap(int max, Consumer<String> firstOverflow) {
    this(max, firstOverflow, new LongAdder());
  }

  /** @param overflow where the values beyond the cap are counted (may be shared with another cap) */
  CardinalityCap(int max, Consumer<String> firstOverflow, LongAdder overflow) {
    this.max = max;
    this.firstOverflow = firstOverflow;
    this.overflow = overflow;
  }

  /** {@code value}, or {@link #OTHER} when {@code key} has {@code max} other values already. */
  String guarded(String key, String value) {
    return admits(key, value) ? value : OTHER;
  }

  /**
   * Whether {@code value} is one of the first {@code max} distinct values of {@code key}; one that is
   * not is counted (and the key said once).
   */
  boolean admits(String key, Object value) {
    Set<Object> values = seen.computeIfAbsent(key, k -> new HashSet<>());
    if (values.contains(value)) {
      return true;
    }
    if (values.size() < max) {
      values.add(value);
      return true;
    }
    if (overflowed.add(key)) {
      firstOverflow.accept(key);
    }
    overflow.increment();
    return false;
  }

  /** Values recorded as {@link #OTHER} so far. */
  LongAdder overflow() {
    return overflow;
  }
}
