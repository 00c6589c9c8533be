package dev.perfagent.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/** Process-wide counters of the hot path, read by the exporter for its summary and metrics. */
public final class RecorderStats {
  /** Spans dropped because the ring was full. */
  public static final LongAdder DROPPED = new LongAdder();
  /** Calls shorter than their pointcut's min-duration: timed, but no span. */
  public static final LongAdder BELOW_MIN_DURATION = new LongAdder();
  /** Values a capture path could not read because a getter or toString threw. */
  public static final LongAdder CAPTURE_ERRORS = new LongAdder();
  /** Captured strings or lists cut at the configured limits. */
  public static final LongAdder TRUNCATED_VALUES = new LongAdder();
  /** Calls not recorded because more matched calls were open on their thread than the stack holds. */
  public static final LongAdder TOO_DEEP = new LongAdder();
  /** Spans that outlived their call and were ended by the open-span timeout. */
  public static final LongAdder TIMED_OUT = new LongAdder();
  /** Failures inside the recorder itself (they never reach the application). */
  public static final LongAdder INTERNAL_ERRORS = new LongAdder();

  private RecorderStats() {}
}
