package dev.perfagent.bootstrap;

/** A view of one drained span, reused for the next one. Times are {@link System#nanoTime()}. */
public final class SpanRecord {
  int siteId;
  long spanId;
  long parentId;
  long rootId;
  long startNanos;
  long endNanos;
  Thread thread;
  Throwable thrown;
  Object[] values;
  int valueOffset;
  long aggregateMask;
  long[] aggregates;
  int aggregateOffset;

  public int siteId() { return siteId; }
  /** Unique in the process; never 0. */
  public long spanId() { return spanId; }
  /** 0 for a root span. */
  public long parentId() { return parentId; }
  /** The local id of the root of this span's tree. */
  public long rootId() { return rootId; }
  public long startNanos() { return startNanos; }
  public long endNanos() { return endNanos; }
  public Thread thread() { return thread; }
  public Throwable thrown() { return thrown; }
  /** Value {@code index} as read by the pointcut plan (null when the path met a null). */
  public Object value(int index) { return values[valueOffset + index]; }
  /** Bit {@code s} set: aggregate-mode calls of slot {@code s} ran inside this span. */
  public long aggregateMask() { return aggregateMask; }
  public long aggregateCount(int slot) { return aggregates[aggregateOffset + slot * 4]; }
  public long aggregateTotalNanos(int slot) { return aggregates[aggregateOffset + slot * 4 + 1]; }
  public long aggregateMinNanos(int slot) { return aggregates[aggregateOffset + slot * 4 + 2]; }
  public long aggregateMaxNanos(int slot) { return aggregates[aggregateOffset + slot * 4 + 3]; }
}
