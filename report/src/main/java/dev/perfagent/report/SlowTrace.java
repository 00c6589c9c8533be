package dev.perfagent.report;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** One of the slowest root operations and its critical path. */
public final class SlowTrace {
  private final String rootName;
  private final String traceId;
  private final long startNanos;
  private final long durationMicros;
  private final boolean error;
  private final List<PathStep> criticalPath;

  SlowTrace(String rootName, String traceId, long startNanos, long durationMicros, boolean error,
      List<PathStep> criticalPath) {
    this.rootName = rootName;
    this.traceId = traceId;
    this.startNanos = startNanos;
    this.durationMicros = durationMicros;
    this.error = error;
    this.criticalPath = Collections.unmodifiableList(criticalPath);
  }

  public String rootName() {
    return rootName;
  }

  public String traceId() {
    return traceId;
  }

  public Instant start() {
    return Instant.ofEpochSecond(startNanos / 1_000_000_000L, startNanos % 1_000_000_000L);
  }

  public long durationMicros() {
    return durationMicros;
  }

  public boolean error() {
    return error;
  }

  /** The spans the root operation waited on, outermost first, each with its self time on the path. */
  public List<PathStep> criticalPath() {
    return criticalPath;
  }

  /** A span on a critical path: the time the trace waited on it and not on one of its children. */
  public static final class PathStep {
    private final String name;
    private final int depth;
    private final long offsetMicros;
    private final long durationMicros;
    private final long selfMicros;

    PathStep(String name, int depth, long offsetMicros, long durationMicros, long selfMicros) {
      this.name = name;
      this.depth = depth;
      this.offsetMicros = offsetMicros;
      this.durationMicros = durationMicros;
      this.selfMicros = selfMicros;
    }

    public String name() {
      return name;
    }

    public int depth() {
      return depth;
    }

    /** When it started, from the root's start. */
    public long offsetMicros() {
      return offsetMicros;
    }

    public long durationMicros() {
      return durationMicros;
    }

    public long selfMicros() {
      return selfMicros;
    }
  }
}
