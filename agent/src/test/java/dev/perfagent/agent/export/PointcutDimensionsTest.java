package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointcutDimensionsTest {
  private static final AttributeKey<String> USER = AttributeKey.stringKey("user");
  private final PointcutDimensions dimensions =
      new PointcutDimensions(SdkMeterProvider.builder().build().get("test"), warning -> { });
  private final Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");

  @Test
  void theSameValuesGiveTheSameAttributesAndOtherValuesTheirOwn() {
    Attributes failed = Attributes.of(SpanMetrics.ERROR_TYPE, "E");
    Attributes first = dimensions.of(pointcut, span(new String("name"), failed), Attributes.empty());
    assertSame(first, dimensions.of(pointcut, span(new String("name"), failed), Attributes.empty()));
    assertEquals(Attributes.builder().put(SpanMetrics.POINTCUT, "p").put(PointcutDimensions.SPAN_NAME, "name")
        .put(SpanMetrics.ERROR_TYPE, "E").build(), first);

    assertEquals(Attributes.builder().put(SpanMetrics.POINTCUT, "p").put(PointcutDimensions.SPAN_NAME, "name")
        .build(), dimensions.of(pointcut, span("name", Attributes.empty()), Attributes.empty()));
    assertEquals(Attributes.builder().put(SpanMetrics.POINTCUT, "p").put(PointcutDimensions.SPAN_NAME, "name")
        .put(USER, "u1").build(), dimensions.of(pointcut, span("name", Attributes.empty()), Attributes.of(USER, "u1")));
    assertEquals(Attributes.builder().put(SpanMetrics.POINTCUT, "p").put(PointcutDimensions.SPAN_NAME, "name")
        .put(USER, "u2").build(), dimensions.of(pointcut, span("name", Attributes.empty()), Attributes.of(USER, "u2")));
    assertEquals(Attributes.builder().put(SpanMetrics.POINTCUT, "q").put(PointcutDimensions.SPAN_NAME, "name")
        .build(), dimensions.of(Attributes.of(SpanMetrics.POINTCUT, "q"), span("name", Attributes.empty()),
            Attributes.empty()));
  }

  @Test
  void theSpansOwnDimensionWinsOverAFlowedValueOfTheSameKey() {
    Attributes flowed = Attributes.of(SpanMetrics.ERROR_TYPE, "flowed");
    assertEquals("E", dimensions.of(pointcut, span("n", Attributes.of(SpanMetrics.ERROR_TYPE, "E")), flowed)
        .get(SpanMetrics.ERROR_TYPE));
    assertEquals("flowed", dimensions.of(pointcut, span("n", Attributes.empty()), flowed).get(SpanMetrics.ERROR_TYPE));
  }

  private static RecordedSpan span(String name, Attributes attributes) {
    return TestSpans.named(name, SpanKind.INTERNAL, 1_000, attributes, List.of());
  }
}
