package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanLimiterTest {
  private static final Attributes FOUR =
      Attributes.builder()
          .put("a", "0123456789")
          .put("b", 42L)
          .put(AttributeKey.stringArrayKey("c"), Arrays.asList("short", "a longer one"))
          .put("d", true)
          .build();

  @Test
  void withinTheLimitsTheSameObjectsComeBack() {
    SpanLimiter defaults = new SpanLimiter(SpanLimits.getDefault());
    assertSame(FOUR, defaults.attributes(FOUR));
    List<EventData> events = Collections.singletonList(EventData.create(1, "e", FOUR));
    assertSame(events, defaults.events(events));
    RecordedSpan span = span(FOUR, events);
    assertSame(span, defaults.apply(span));
  }

  @Test
  void attributesBeyondTheCountAreLeftOut() {
    Attributes limited = limiter(SpanLimits.builder().setMaxNumberOfAttributes(2)).attributes(FOUR);
    assertEquals(2, limited.size());
    assertEquals("0123456789", limited.get(AttributeKey.stringKey("a")));
    assertEquals(42L, limited.get(AttributeKey.longKey("b")));
  }

  @Test
  void stringsAndStringListsAreCutToTheValueLength() {
    Attributes limited = limiter(SpanLimits.builder().setMaxAttributeValueLength(5)).attributes(FOUR);
    assertEquals(4, limited.size());
    assertEquals("01234", limited.get(AttributeKey.stringKey("a")));
    assertEquals(Arrays.asList("short", "a lon"), limited.get(AttributeKey.stringArrayKey("c")));
    assertEquals(42L, limited.get(AttributeKey.longKey("b")));
    assertEquals(true, limited.get(AttributeKey.booleanKey("d")));
  }

  @Test
  void eventsBeyondTheCountAreLeftOutAndEachEventsAttributesAreLimited() {
    SpanLimiter limiter =
        limiter(SpanLimits.builder().setMaxNumberOfEvents(2).setMaxNumberOfAttributesPerEvent(1));
    List<EventData> limited =
        limiter.events(
            Arrays.asList(EventData.create(1, "e1", FOUR), EventData.create(2, "e2", Attributes.empty()),
                EventData.create(3, "e3", FOUR)));
    assertEquals(2, limited.size());
    assertEquals("e1", limited.get(0).getName());
    assertEquals(1, limited.get(0).getAttributes().size());
    assertEquals(4, limited.get(0).getTotalAttributeCount(), "the event still tells how many it had");
    assertEquals("e2", limited.get(1).getName());
  }

  @Test
  void aLimitedSpanStillTellsHowManyAttributesAndEventsWereRecorded() {
    SpanLimiter limiter =
        limiter(SpanLimits.builder().setMaxNumberOfAttributes(1).setMaxNumberOfEvents(0));
    RecordedSpan span = span(FOUR, Collections.singletonList(EventData.create(1, "exception", FOUR)));
    ReadableSpan limited = limiter.apply(span);
    SpanData data = limited.toSpanData();
    assertEquals(1, data.getAttributes().size());
    assertEquals(1, limited.getAttributes().size());
    assertEquals(4, data.getTotalAttributeCount());
    assertTrue(data.getEvents().isEmpty());
    assertEquals(1, data.getTotalRecordedEvents());
    assertEquals(span.getSpanContext(), limited.getSpanContext());
    assertEquals(span.getName(), data.getName());
    assertEquals(span.getLatencyNanos(), limited.getLatencyNanos());
    assertEquals("0123456789", limited.getAttribute(AttributeKey.stringKey("a")));
  }

  private static SpanLimiter limiter(io.opentelemetry.sdk.trace.SpanLimitsBuilder limits) {
    return new SpanLimiter(limits.build());
  }

  private static RecordedSpan span(Attributes attributes, List<EventData> events) {
    return TestSpans.span(SpanKind.INTERNAL, 1_000, attributes, events);
  }
}
