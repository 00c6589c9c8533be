package dev.perfagent.bootstrap;

/**
 * The identity of an open span as data: the local id of its trace (the id of the trace's root span)
 * and its own local id. Immutable, so it can be handed to another thread with the work submitted
 * from inside the span, where it becomes the parent of the spans that work makes.
 */
public final class TraceContext {
  final long traceId;
  final long spanId;

  TraceContext(long traceId, long spanId) {
    this.traceId = traceId;
    this.spanId = spanId;
  }

  @Override
  public String toString() {
    return "TraceContext{trace " + traceId + ", span " + spanId + "}";
  }
}
