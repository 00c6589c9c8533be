package dev.perfagent.bootstrap;

/**
 * The identity of an open span as data: the local id of its trace (the id of the trace's root span),
 * its own local id, and the values flowing down to the spans beneath it. Immutable, so it can be
 * handed to another thread with the work submitted from inside the span, where it becomes the parent
 * of the spans that work makes.
 */
public final class TraceContext {
  final long traceId;
  final long spanId;
  /** Null when none flow. */
  final FlowingValues flowing;

  TraceContext(long traceId, long spanId, FlowingValues flowing) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.flowing = flowing;
  }

  @Override
  public String toString() {
    return "TraceContext{trace " + traceId + ", span " + spanId + "}";
  }
}
