package dev.perfagent.agent.export;

import dev.perfagent.agent.plan.Site;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.SpanRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds {@link RecordedSpan}s from drained records. Runs on the exporter thread only. */
final class SpanAssembler {
  private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  private static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");
  private static final int MAX_STACKTRACE_LENGTH = 16 * 1024;

  private final SiteRegistry sites;
  private final AggregateAttributes aggregates;
  private final SpanIds ids;
  private final EpochClock clock;
  private final Resource resource;
  private final SpanMetrics metrics;
  private final List<SpanShape> shapes = new ArrayList<>();

  SpanAssembler(
      SiteRegistry sites, AggregateAttributes aggregates, SpanIds ids, EpochClock clock,
      Resource resource, SpanMetrics metrics) {
    this.sites = sites;
    this.aggregates = aggregates;
    this.ids = ids;
    this.clock = clock;
    this.resource = resource;
    this.metrics = metrics;
  }

  /** The span for {@code record}, or null when its site is unknown. */
  RecordedSpan assemble(SpanRecord record) {
    SpanShape shape = shape(record.siteId());
    if (shape == null) {
      return null;
    }
    String traceId = ids.traceId(record.rootId());
    SpanContext context =
        SpanContext.create(
            traceId, ids.spanId(record.spanId()), TraceFlags.getSampled(), TraceState.getDefault());
    SpanContext parent =
        record.parentId() == 0
            ? SpanContext.getInvalid()
            : SpanContext.create(
                traceId, ids.spanId(record.parentId()), TraceFlags.getSampled(),
                TraceState.getDefault());

    AttributesBuilder attributes = shape.constantAttributes().toBuilder();
    for (int i = 0; i < shape.captureCount(); i++) {
      AttributeValues.put(attributes, shape.captureKey(i), record.value(shape.captureValueIndex(i)));
    }
    if (record.aggregateMask() != 0) {
      aggregates.put(attributes, record);
    }
    Thread thread = record.thread();
    attributes.put(THREAD_NAME, thread.getName());
    attributes.put(THREAD_ID, threadId(thread));

    long start = clock.epochNanos(record.startNanos());
    long end = clock.epochNanos(record.endNanos());
    Throwable thrown = record.thrown();
    StatusData status = StatusData.unset();
    List<EventData> events = Collections.emptyList();
    if (thrown != null) {
      attributes.put(ERROR_TYPE, thrown.getClass().getName());
      String message = thrown.getMessage();
      status = StatusData.create(StatusCode.ERROR, message == null ? null : AttributeValues.text(message));
      events = Collections.singletonList(exceptionEvent(thrown, end));
    }
    RecordedSpan span =
        new RecordedSpan(
            shape.name(record::value), shape.kind(), context, parent, status, start, end,
            attributes.build(), events, resource);
    metrics.record(shape.metricAttributes(), span);
    return span;
  }

  private SpanShape shape(int siteId) {
    while (shapes.size() <= siteId) {
      Site site = sites.site(shapes.size());
      if (site == null) {
        return null;
      }
      shapes.add(new SpanShape(site));
    }
    return shapes.get(siteId);
  }

  @SuppressWarnings("deprecation") // Thread.getId: threadId() exists only from Java 19
  private static long threadId(Thread thread) {
    return thread.getId();
  }

  private static EventData exceptionEvent(Throwable thrown, long epochNanos) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    String stack = trace.toString();
    if (stack.length() > MAX_STACKTRACE_LENGTH) {
      stack = stack.substring(0, MAX_STACKTRACE_LENGTH) + "...";
    }
    AttributesBuilder event = Attributes.builder().put(EXCEPTION_TYPE, thrown.getClass().getName());
    if (thrown.getMessage() != null) {
      event.put(EXCEPTION_MESSAGE, AttributeValues.text(thrown.getMessage()));
    }
    event.put(EXCEPTION_STACKTRACE, stack);
    return EventData.create(epochNanos, "exception", event.build());
  }
}
