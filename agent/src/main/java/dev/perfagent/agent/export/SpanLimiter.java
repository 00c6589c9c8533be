package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured span limits ({@code OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT},
 * {@code OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT}, {@code OTEL_SPAN_EVENT_COUNT_LIMIT} ...), applied as the
 * SDK applies them to its own spans: the attributes beyond the count are left out (which ones is
 * key order here, the spans being built whole), strings and string lists are cut to the length,
 * events beyond the count are left out. What is within the limits is returned as it is.
 */
final class SpanLimiter {
  private final int maxAttributes;
  private final int maxEventAttributes;
  private final int maxLength;
  private final int maxEvents;

  SpanLimiter(SpanLimits limits) {
    this.maxAttributes = limits.getMaxNumberOfAttributes();
    this.maxEventAttributes = limits.getMaxNumberOfAttributesPerEvent();
    this.maxLength = limits.getMaxAttributeValueLength();
    this.maxEvents = limits.getMaxNumberOfEvents();
  }

  /** A span's attributes within the limits. */
  Attributes attributes(Attributes attributes) {
    return limit(attributes, maxAttributes);
  }

  /** A span's events within the limits, each event's attributes too. */
  List<EventData> events(List<EventData> events) {
    if (events.isEmpty()) {
      return events;
    }
    boolean changed = events.size() > maxEvents;
    List<EventData> limited = new ArrayList<>();
    for (EventData event : events.subList(0, Math.min(events.size(), maxEvents))) {
      Attributes attributes = limit(event.getAttributes(), maxEventAttributes);
      if (attributes == event.getAttributes()) {
        limited.add(event);
      } else {
        changed = true;
        limited.add(
            EventData.create(
                event.getEpochNanos(), event.getName(), attributes, event.getTotalAttributeCount()));
      }
    }
    return changed ? limited : events;
  }

  /** {@code span}, or a view of it within the limits that still tells how much there was. */
  ReadableSpan apply(RecordedSpan span) {
    Attributes attributes = attributes(span.getAttributes());
    List<EventData> events = events(span.getEvents());
    if (attributes == span.getAttributes() && events == span.getEvents()) {
      return span;
    }
    return new LimitedSpan(span, attributes, events);
  }

  private Attributes limit(Attributes attributes, int maxCount) {
    if (attributes.size() <= maxCount && withinLength(attributes)) {
      return attributes;
    }
    AttributesBuilder limited = Attributes.builder();
    int[] kept = {0};
    attributes.forEach(
        (key, value) -> {
          if (kept[0] < maxCount) {
            put(limited, key, value);
            kept[0]++;
          }
        });
    return limited.build();
  }

  private boolean withinLength(Attributes attributes) {
    if (maxLength == Integer.MAX_VALUE) {
      return true;
    }
    boolean[] within = {true};
    attributes.forEach((key, value) -> within[0] &= cut(value) == value);
    return within[0];
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the key's type is the value's
  private void put(AttributesBuilder to, AttributeKey<?> key, Object value) {
    to.put((AttributeKey) key, cut(value));
  }

  /** {@code value} with its strings cut to the length limit; the same object when none is longer. */
  private Object cut(Object value) {
    if (value instanceof String) {
      String s = (String) value;
      return s.length() <= maxLength ? s : s.substring(0, maxLength);
    }
    if (value instanceof List) {
      boolean changed = false;
      List<Object> cut = new ArrayList<>();
      for (Object v : (List<?>) value) {
        Object c = cut(v);
        changed |= c != v;
        cut.add(c);
      }
      return changed ? cut : value;
    }
    return value;
  }
}
