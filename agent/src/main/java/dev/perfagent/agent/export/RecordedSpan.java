package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Collections;
import java.util.List;

/**
 * A finished span built on the exporter thread from a recorded call. It is both the
 * {@link ReadableSpan} the SDK's span processors take and the {@link SpanData} its exporters write.
 */
final class RecordedSpan implements ReadableSpan, SpanData {
  static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.builder("dev.perfagent").setVersion(Version.current()).build();
  @SuppressWarnings("deprecation") // the SDK interfaces still require it
  private static final InstrumentationLibraryInfo LIBRARY =
      InstrumentationLibraryInfo.create(SCOPE.getName(), SCOPE.getVersion());

  private final String name;
  private final SpanKind kind;
  private final SpanContext context;
  private final SpanContext parent;
  private final StatusData status;
  private final long startEpochNanos;
  private final long endEpochNanos;
  private final Attributes attributes;
  private final List<EventData> events;
  private final Resource resource;

  RecordedSpan(
      String name,
      SpanKind kind,
      SpanContext context,
      SpanContext parent,
      StatusData status,
      long startEpochNanos,
      long endEpochNanos,
      Attributes attributes,
      List<EventData> events,
      Resource resource) {
    this.name = name;
    this.kind = kind;
    this.context = context;
    this.parent = parent;
    this.status = status;
    this.startEpochNanos = startEpochNanos;
    this.endEpochNanos = endEpochNanos;
    this.attributes = attributes;
    this.events = events;
    this.resource = resource;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public SpanKind getKind() {
    return kind;
  }

  @Override
  public SpanContext getSpanContext() {
    return context;
  }

  @Override
  public SpanContext getParentSpanContext() {
    return parent;
  }

  @Override
  public StatusData getStatus() {
    return status;
  }

  @Override
  public long getStartEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public long getEndEpochNanos() {
    return endEpochNanos;
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
  public List<LinkData> getLinks() {
    return Collections.emptyList();
  }

  @Override
  public boolean hasEnded() {
    return true;
  }

  @Override
  public int getTotalRecordedEvents() {
    return events.size();
  }

  @Override
  public int getTotalRecordedLinks() {
    return 0;
  }

  @Override
  public int getTotalAttributeCount() {
    return attributes.size();
  }

  @Override
  @Deprecated
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return LIBRARY;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return SCOPE;
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public SpanData toSpanData() {
    return this;
  }

  @Override
  public long getLatencyNanos() {
    return endEpochNanos - startEpochNanos;
  }

  @Override
  public String toString() {
    return "RecordedSpan{" + name + ", " + context.getSpanId() + " <- " + parent.getSpanId() + "}";
  }
}
