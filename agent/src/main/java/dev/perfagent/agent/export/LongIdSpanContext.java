package dev.perfagent.agent.export;

import io.opentelemetry.api.internal.ImmutableSpanContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;

/**
 * A sampled, local, valid span context holding its ids as the longs {@link SpanIds} makes: the
 * agent's writers ({@link OtlpProtoSpans}, {@link OtlpJsonSpans}) read them as they are, and the hex
 * strings of the API are made only when something asks for them. It is an {@link ImmutableSpanContext}
 * and equal (both ways, with the same hash code) to the API's context of the same ids.
 */
final class LongIdSpanContext extends ImmutableSpanContext {
  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private String traceIdHex;
  private String spanIdHex;

  /** @param traceIdHigh and the others: not all zero (valid ids) */
  LongIdSpanContext(long traceIdHigh, long traceIdLow, long spanId) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
  }

  /** A context of the same trace. */
  LongIdSpanContext sameTrace(long spanId) {
    return new LongIdSpanContext(traceIdHigh, traceIdLow, spanId);
  }

  long traceIdHigh() {
    return traceIdHigh;
  }

  long traceIdLow() {
    return traceIdLow;
  }

  long spanIdLong() {
    return spanId;
  }

  @Override
  public String getTraceId() {
    String hex = traceIdHex;
    if (hex == null) {
      hex = TraceId.fromLongs(traceIdHigh, traceIdLow);
      traceIdHex = hex;
    }
    return hex;
  }

  @Override
  public String getSpanId() {
    String hex = spanIdHex;
    if (hex == null) {
      hex = SpanId.fromLong(spanId);
      spanIdHex = hex;
    }
    return hex;
  }

  @Override
  public TraceFlags getTraceFlags() {
    return TraceFlags.getSampled();
  }

  @Override
  public TraceState getTraceState() {
    return TraceState.getDefault();
  }

  @Override
  public boolean isRemote() {
    return false;
  }

  @Override
  public boolean isValid() {
    return true;
  }

  /** As the API's contexts compare (AutoValue's equals over the getters). */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof LongIdSpanContext) {
      LongIdSpanContext that = (LongIdSpanContext) o;
      return traceIdHigh == that.traceIdHigh && traceIdLow == that.traceIdLow && spanId == that.spanId;
    }
    if (!(o instanceof ImmutableSpanContext)) {
      return false;
    }
    SpanContext that = (SpanContext) o;
    return getTraceId().equals(that.getTraceId()) && getSpanId().equals(that.getSpanId())
        && getTraceFlags().equals(that.getTraceFlags()) && getTraceState().equals(that.getTraceState())
        && isRemote() == that.isRemote() && isValid() == that.isValid();
  }

  /** The API's contexts' hash code (AutoValue's, over the getters in their order). */
  @Override
  public int hashCode() {
    int h = 1;
    h = h * 1000003 ^ getTraceId().hashCode();
    h = h * 1000003 ^ getSpanId().hashCode();
    h = h * 1000003 ^ getTraceFlags().hashCode();
    h = h * 1000003 ^ getTraceState().hashCode();
    h = h * 1000003 ^ (isRemote() ? 1231 : 1237);
    return h * 1000003 ^ (isValid() ? 1231 : 1237);
  }

  @Override
  public String toString() {
    return "ImmutableSpanContext{traceId=" + getTraceId() + ", spanId=" + getSpanId() + ", traceFlags="
        + getTraceFlags() + ", traceState=" + getTraceState() + ", remote=" + isRemote() + ", valid=" + isValid()
        + "}";
  }
}
