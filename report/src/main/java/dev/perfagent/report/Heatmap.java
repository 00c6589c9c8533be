package dev.perfagent.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies over the run's time: calls counted per time column and {@link LatencyBuckets latency
 * class}. The run's length is not known while the input streams, so columns start 10 ms wide and
 * double (merging neighbours) whenever the calls seen span more than {@link #MAX_COLUMNS}: memory
 * stays at most {@code MAX_COLUMNS} columns of {@link LatencyBuckets#COUNT} counts, however long the run.
 */
public final class Heatmap {
  static final int MAX_COLUMNS = 60;
  private static final long FIRST_WIDTH_NANOS = 10_000_000L;

  private long originNanos = Long.MIN_VALUE;
  private long widthNanos = FIRST_WIDTH_NANOS;
  private final TreeMap<Long, long[]> columns = new TreeMap<>();

  void add(long startNanos, long micros) {
    if (originNanos == Long.MIN_VALUE) {
      originNanos = startNanos;
    }
    long column = Math.floorDiv(startNanos - originNanos, widthNanos);
    while (!columns.isEmpty() && spanWith(column) > MAX_COLUMNS) {
      widen();
      column = Math.floorDiv(startNanos - originNanos, widthNanos);
    }
    columns.computeIfAbsent(column, c -> new long[LatencyBuckets.COUNT])[LatencyBuckets.index(micros)]++;
  }

  private long spanWith(long column) {
    return Math.max(columns.lastKey(), column) - Math.min(columns.firstKey(), column) + 1;
  }

  private void widen() {
    widthNanos *= 2;
    TreeMap<Long, long[]> merged = new TreeMap<>();
    for (Map.Entry<Long, long[]> e : columns.entrySet()) {
      long[] into = merged.computeIfAbsent(Math.floorDiv(e.getKey(), 2), c -> new long[LatencyBuckets.COUNT]);
      for (int i = 0; i < into.length; i++) {
        into[i] += e.getValue()[i];
      }
    }
    columns.clear();
    columns.putAll(merged);
  }

  /** The start of column 0, nanoseconds since the epoch (the first call seen). */
  public long originNanos() {
    return originNanos;
  }

  public long columnNanos() {
    return widthNanos;
  }

  /** Column index (from the origin; negative for calls that started before the first one seen) to counts per latency class. */
  public Map<Long, long[]> columns() {
    return Collections.unmodifiableMap(columns);
  }
}
