package dev.perfagent.bootstrap;

/**
 * One open matched call on one thread. Frames are preallocated per depth and reused; the advice
 * keeps the frame its entry returned and hands it back at exit, so the exit needs no thread-local
 * lookup.
 */
public final class Frame extends OpenSpan {
  final ThreadState owner;
  final int depth;
  /** This frame's context once some work submitted inside it asked for it; reset per call. */
  TraceContext context;
  /** The span of a call that ends when its callback completes, from its entry to its exit. */
  PendingSpan awaiting;

  Frame(ThreadState owner, int depth) {
    this.owner = owner;
    this.depth = depth;
    this.values = new Object[0];
  }

  TraceContext context() {
    TraceContext c = context;
    if (c == null) {
      c = new TraceContext(traceId, spanId, flowing);
      context = c;
    }
    return c;
  }
}
