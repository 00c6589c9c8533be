package dev.perfagent.bootstrap;

/** What the recorder does for one pointcut: which values to read and which calls to keep. */
public final class PointcutPlan {
  private final ValueReader[] values;
  private final long minDurationNanos;
  private final int aggregateSlot;

  /** A span-mode plan. */
  public PointcutPlan(ValueReader[] values, long minDurationNanos) {
    this(values, minDurationNanos, -1);
  }

  private PointcutPlan(ValueReader[] values, long minDurationNanos, int aggregateSlot) {
    this.values = values.clone();
    this.minDurationNanos = minDurationNanos;
    this.aggregateSlot = aggregateSlot;
  }

  /**
   * An aggregate-mode plan: calls make no span; they are counted and timed in slot {@code slot} of
   * the enclosing call's frame, which reports them on its span.
   */
  public static PointcutPlan aggregate(int slot) {
    if (slot < 0 || slot >= RecorderState.MAX_AGGREGATE_SLOTS) {
      throw new IllegalArgumentException("aggregate slot " + slot);
    }
    return new PointcutPlan(new ValueReader[0], 0, slot);
  }

  int aggregateSlot() {
    return aggregateSlot;
  }

  public int valueCount() {
    return values.length;
  }

  long minDurationNanos() {
    return minDurationNanos;
  }

  void readValues(
      Object[] target, int offset, Object self, Object a, Object b, Object c, Object returned,
      Throwable thrown) {
    ValueReader[] v = values;
    for (int i = 0; i < v.length; i++) {
      target[offset + i] = v[i].read(self, a, b, c, returned, thrown);
    }
  }
}
