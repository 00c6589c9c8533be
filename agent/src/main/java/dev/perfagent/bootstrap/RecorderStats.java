package dev.perfagent.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one generation of the recorder, read by the exporter for its summary and metrics.
 * Every way a call can fail to become an exported span has its counter here or in the exporter.
 */
public final class RecorderStats {
  /** Spans dropped because the ring was full. */
  public final LongAdder dropped = new LongAdder();
  /** Calls shorter than their pointcut's min-duration: timed, but no span. */
  public final LongAdder belowMinDuration = new LongAdder();
  /** Values a capture path could not read because a getter or toString threw. */
  public final LongAdder captureErrors = new LongAdder();
  /** Captured strings or lists cut at the configured limits. */
  public final LongAdder truncatedValues = new LongAdder();
  /** Calls not recorded because more matched calls were open on their thread than the stack holds. */
  public final LongAdder tooDeep = new LongAdder();
  /** Spans that outlived their call and were ended by the open-span timeout. */
  public final LongAdder timedOut = new LongAdder();
  /** Changes of the configuration file applied while the application ran. */
  public final LongAdder configChanges = new LongAdder();
  /** Changes of the configuration file not applied (invalid, or needing a restart): the running one stayed. */
  public final LongAdder configChangesRefused = new LongAdder();
  /** Failures inside the recorder itself (they never reach the application). */
  public final LongAdder internalErrors = new LongAdder();
}
