package dev.perfagent.report;

/**
 * All spans of one name wherever they are in the tree: what the comparison compares and the
 * findings look at (the first call against the rest, rate-limited calls retried, time on critical
 * paths).
 */
public final class OperationStats {
  private final String name;
  private final Timing timing;
  private long firstStartNanos = Long.MAX_VALUE;
  private long firstMicros;
  private boolean tool;
  private long rateLimited;
  private long retried;
  private long retryLostMicros;
  private long criticalMicros;
  private long hits;
  private long hitMicros;
  private long misses;
  private long missMicros;
  private String createdOnMiss;

  OperationStats(String name) {
    this.name = name;
    this.timing = new Timing(name.hashCode());
  }

  void add(Span span, long selfMicros) {
    long micros = span.durationNanos() / 1000;
    timing.add(micros, selfMicros, span.error);
    if (span.startNanos < firstStartNanos) {
      firstStartNanos = span.startNanos;
      firstMicros = micros;
    }
    tool |= "execute_tool".equals(span.string("gen_ai.operation.name"));
  }

  void rateLimited(boolean wasRetried, long lostMicros) {
    rateLimited++;
    if (wasRetried) {
      retried++;
      retryLostMicros += lostMicros;
    }
  }

  void lookup(PoolLookups.Lookup lookup, long micros) {
    if (lookup.miss) {
      misses++;
      missMicros += micros;
      if (createdOnMiss == null) {
        createdOnMiss = lookup.created;
      }
    } else {
      hits++;
      hitMicros += micros;
    }
  }

  void onCriticalPath(long selfMicros) {
    criticalMicros += selfMicros;
  }

  public String name() {
    return name;
  }

  public Timing timing() {
    return timing;
  }

  /** The duration of the call that started first. */
  public long firstCallMicros() {
    return firstMicros;
  }

  /** A tool call ({@code gen_ai.operation.name = execute_tool}). */
  public boolean isTool() {
    return tool;
  }

  /** Calls that failed with a rate limit (HTTP 429). */
  public long rateLimited() {
    return rateLimited;
  }

  /** Rate-limited calls followed by another call of the same operation under the same parent. */
  public long retried() {
    return retried;
  }

  /** The rate-limited calls' own time plus the wait until the retry started. */
  public long retryLostMicros() {
    return retryLostMicros;
  }

  /** Lookups that found what they looked for (see {@link PoolLookups}). */
  public long hits() {
    return hits;
  }

  public long hitMicros() {
    return hitMicros;
  }

  /** Lookups that had to create what they looked for. */
  public long misses() {
    return misses;
  }

  public long missMicros() {
    return missMicros;
  }

  /** The span a miss created (the first one met), or null when a hit/miss attribute said so. */
  public String createdOnMiss() {
    return createdOnMiss;
  }

  /** Self time of this operation's spans on the critical paths of the root operations. */
  public long criticalMicros() {
    return criticalMicros;
  }
}
