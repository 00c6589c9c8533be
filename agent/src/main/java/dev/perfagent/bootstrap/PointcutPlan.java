package dev.perfagent.bootstrap;

/** What the recorder does for one pointcut: which values to read and which calls to keep. */
public final class PointcutPlan {
  private final ValueReader[] values;
  private final long minDurationNanos;

  public PointcutPlan(ValueReader[] values, long minDurationNanos) {
    this.values = values.clone();
    this.minDurationNanos = minDurationNanos;
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
