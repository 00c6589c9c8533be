package dev.perfagent.bootstrap;

/**
 * One open matched call on one thread. Frames are preallocated per depth and reused; the advice
 * keeps the frame its entry returned and hands it back at exit, so the exit needs no thread-local
 * lookup.
 */
public final class Frame {
  final ThreadState owner;
  final int depth;
  int siteId;
  long id;
  long start;
  PointcutPlan plan;
  SpanRing ring;
  /** Which aggregate slots nested aggregate-mode calls touched. */
  long aggregateMask;
  /** Allocated on first use: count, total, min, max nanos per aggregate slot. */
  long[] aggregates;

  Frame(ThreadState owner, int depth) {
    this.owner = owner;
    this.depth = depth;
  }
}
