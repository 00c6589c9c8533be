package dev.perfagent.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/** Process-wide counters of the hot path, read by the exporter for its summary and metrics. */
public final class RecorderStats {
  /** Spans dropped because the ring was full. */
  public static final LongAdder DROPPED = new LongAdder();
  /** Calls shorter than their pointcut's min-duration: timed, but no span. */
  public static final LongAdder BELOW_MIN_DURATION = new LongAdder();
  /** Values a capture path could not read because a getter threw. */
  public static final LongAdder CAPTURE_ERRORS = new LongAdder();
  /** Failures inside the recorder itself (they never reach the application). */
  public static final LongAdder INTERNAL_ERRORS = new LongAdder();

  private RecorderStats() {}
}
