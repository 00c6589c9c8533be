package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One slot of the {@link SpanRing} (or a span it spilled): a finished span as the recorder wrote
 * it, read by the exporter while it drains the slot. Times are {@link System#nanoTime()}. Every
 * value is frozen (immutable, read on the application thread): the exporter never touches an
 * application object.
 */
public final class SpanRecord {
  /** How the span ended: its method returned or threw. */
  public static final int END_RETURNED = 0;
  /** The {@code CompletionStage} its method returned completed. */
  public static final int END_COMPLETED = 1;
  /** It was still open after the open-span timeout. */
  public static final int END_TIMEOUT = 2;
  /** It was still open when the process exited. */
  public static final int END_SHUTDOWN = 3;
  /** The stream, iterator or closeable its method returned was closed. */
  public static final int END_CLOSED = 4;
  /** The stream or iterator its method returned was consumed to the end. */
  public static final int END_EXHAUSTED = 5;

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
  long traceId;
  long spanId;
  long parentId;
  FlowingValues flowing;
  long startNanos;
  long endNanos;
  int endReason;
  String threadName;
  long threadId;
  FrozenError error;
  final Object[] values;
  long truncatedMask;
  long firstItemNanos;
  long items;
  long aggregateMask;
  final long[] aggregates;
  /** The next older span on the ring's spill list; null for a slot. */
  SpanRecord next;

  SpanRecord(long sequence, int width, int aggregateLength) {
    this.sequence = sequence;
    this.values = new Object[width];
    this.aggregates = new long[aggregateLength];
  }

  /**
   * A copy the exporter keeps after the slot is freed (the values are frozen, so shared); only the
   * exporter thread calls this, never an application thread.
   */
  public SpanRecord copy() {
    SpanRecord c = new SpanRecord(0, values.length, aggregates.length);
    c.siteId = siteId;
    c.traceId = traceId;
    c.spanId = spanId;
    c.parentId = parentId;
    c.flowing = flowing;
    c.startNanos = startNanos;
    c.endNanos = endNanos;
    c.endReason = endReason;
    c.threadName = threadName;
    c.threadId = threadId;
    c.error = error;
    System.arraycopy(values, 0, c.values, 0, values.length);
    c.truncatedMask = truncatedMask;
    c.firstItemNanos = firstItemNanos;
    c.items = items;
    c.aggregateMask = aggregateMask;
    System.arraycopy(aggregates, 0, c.aggregates, 0, aggregates.length);
    return c;
  }

  long sequence() {
    return (long) SEQUENCE.getAcquire(this);
  }

  void publish(long sequence) {
    SEQUENCE.setRelease(this, sequence);
  }

  /** Drops what the slot holds once the exporter is done with it. */
  void clear() {
    threadName = null;
    flowing = null;
    error = null;
    Arrays.fill(values, null);
  }

  public int siteId() { return siteId; }
  /** The local id of the trace (the span id of its root); never 0. */
  public long traceId() { return traceId; }
  /** Unique in the process; never 0. */
  public long spanId() { return spanId; }
  /** 0 for a root span. */
  public long parentId() { return parentId; }
  /** The values flowing down from enclosing {@code flow-down} calls (and this one's); null when none. */
  public FlowingValues flowing() { return flowing; }
  public long startNanos() { return startNanos; }
  public long endNanos() { return endNanos; }
  /** One of the {@code END_*} constants. */
  public int endReason() { return endReason; }
  public String threadName() { return threadName; }
  public long threadId() { return threadId; }
  /** The exception the call threw or its stage completed with; null when none. */
  public FrozenError error() { return error; }
  /** Frozen value {@code index} of the pointcut plan (null when the path met a null). */
  public Object value(int index) { return values[index]; }
  /** True when value {@code index} was cut at a configured limit. */
  public boolean truncated(int index) { return index < 64 && (truncatedMask & (1L << index)) != 0; }
  /** For a span that followed a stream: the number of items it delivered; -1 for other spans. */
  public long items() { return items; }
  /** For a span that followed a stream: when the first item came; 0 when none came. */
  public long firstItemNanos() { return firstItemNanos; }
  /** Bit {@code s} set: aggregate-mode calls of slot {@code s} ran inside this span. */
  public long aggregateMask() { return aggregateMask; }
  public long aggregateCount(int slot) { return aggregates[slot * 4]; }
  public long aggregateTotalNanos(int slot) { return aggregates[slot * 4 + 1]; }
  public long aggregateMinNanos(int slot) { return aggregates[slot * 4 + 2]; }
  public long aggregateMaxNanos(int slot) { return aggregates[slot * 4 + 3]; }
}
