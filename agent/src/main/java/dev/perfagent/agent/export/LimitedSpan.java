package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * A finished span with fewer attributes or events than were recorded (span limits). The totals
 * are still the recorded span's, so exporters report how many were dropped.
 */
final class LimitedSpan extends DelegatingSpanData implements ReadableSpan {
  private final RecordedSpan span;
  private final Attributes attributes;
  private final List<EventData> events;

  LimitedSpan(RecordedSpan span, Attributes attributes, List<EventData> events) {
    super(span);
    this.span = span;
    this.attributes = attributes;
    this.events = events;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public <T> T getAttribute(AttributeKey<T> key) {
    return attributes.get(key);
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public long getLatencyNanos() {
    return span.getLatencyNanos();
  }

  @Override
  public SpanData toSpanData() {
    return this;
  }
}
