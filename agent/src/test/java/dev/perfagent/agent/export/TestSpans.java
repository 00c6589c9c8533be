package dev.perfagent.agent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Collections;
import java.util.List;

/** Finished spans for the export tests, as the assembler would build them. */
final class TestSpans {
  private TestSpans() {}

  static RecordedSpan span(SpanKind kind, long nanos, Attributes attributes, List<EventData> events) {
    return named("work", kind, nanos, attributes, events);
  }

  static RecordedSpan named(String name, SpanKind kind, long nanos, Attributes attributes, List<EventData> events) {
    SpanContext context =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
            TraceState.getDefault());
    return new RecordedSpan(
        name, kind, context, SpanContext.getInvalid(), StatusData.unset(), 1_000, 1_000 + nanos,
        attributes, events, Resource.getDefault());
  }

  static RecordedSpan span(Attributes attributes) {
    return span(SpanKind.INTERNAL, 1_000, attributes, Collections.emptyList());
  }
}
