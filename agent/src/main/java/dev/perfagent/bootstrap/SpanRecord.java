package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One slot of the {@link SpanRing}: a finished call as the recorder wrote it, read by the exporter
 * while it drains the slot. Times are {@link System#nanoTime()}.
 */
public final class SpanRecord {
  private static final VarHandle SEQUENCE;

  static {
    try {
      SEQUENCE = MethodHandles.lookup().findVarHandle(SpanRecord.class, "sequence", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through SEQUENCE
  private long sequence;

  int siteId;
  long spanId;
  long parentId;
  long rootId;
  long startNanos;
  long endNanos;
  Thread thread;
  Throwable thrown;
  final Object[] values;
  long aggregateMask;
  final long[] aggregates;

  SpanRecord(long sequence, int width, int aggregateLength) {
    this.sequence = sequence;
    this.values = new Object[width];
    this.aggregates = new long[aggregateLength];
  }

  long sequence() {
    return (long) SEQUENCE.getAcquire(this);
  }

  void publish(long sequence) {
    SEQUENCE.setRelease(this, sequence);
  }

  /** Drops the references to application objects once the exporter is done with them. */
  void clear() {
    thread = null;
    thrown = null;
    Arrays.fill(values, null);
  }

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
  public Object value(int index) { return values[index]; }
  /** Bit {@code s} set: aggregate-mode calls of slot {@code s} ran inside this span. */
  public long aggregateMask() { return aggregateMask; }
  public long aggregateCount(int slot) { return aggregates[slot * 4]; }
  public long aggregateTotalNanos(int slot) { return aggregates[slot * 4 + 1]; }
  public long aggregateMinNanos(int slot) { return aggregates[slot * 4 + 2]; }
  public long aggregateMaxNanos(int slot) { return aggregates[slot * 4 + 3]; }
}
