package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.GenAiKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Consumer;

/**
 * What {@code perf_agent.pointcut.duration} is sliced by besides the pointcut: the span's name, its
 * {@code gen_ai.operation.name} ({@code execute_tool}, {@code retrieval}, ...) and its
 * {@code error.type}, each capped per pointcut ({@link CardinalityCap}) since a span name can be
 * built from captured values. Values beyond a cap are recorded as {@code _OTHER}, counted in
 * {@code perf_agent.dimensions.overflow} by dimension. Exporter thread only.
 */
final class PointcutDimensions {
  static final AttributeKey<String> SPAN_NAME = AttributeKey.stringKey("perf_agent.span.name");
  static final int MAX_SPAN_NAMES = 50;
  static final int MAX_OPERATIONS = 10;
  static final int MAX_ERROR_TYPES = 20;
  private static final AttributeKey<String> DIMENSION = AttributeKey.stringKey("perf_agent.dimension");

  private final Dimension name;
  private final Dimension operation;
  private final Dimension errorType;

  /** Registers the overflow counter on {@code meter}; {@code warn} is told once per pointcut and dimension. */
  PointcutDimensions(Meter meter, Consumer<String> warn) {
    name = new Dimension(SPAN_NAME, MAX_SPAN_NAMES, warn);
    operation = new Dimension(GenAiKeys.OPERATION, MAX_OPERATIONS, warn);
    errorType = new Dimension(SpanMetrics.ERROR_TYPE, MAX_ERROR_TYPES, warn);
    meter.counterBuilder("perf_agent.dimensions.overflow").setUnit("{span}")
        .setDescription("Spans whose span name, gen_ai.operation.name or error.type was recorded as "
            + CardinalityCap.OTHER + " in perf_agent.pointcut.duration (the pointcut had too many distinct values)")
        .buildWithCallback(m -> {
          for (Dimension d : new Dimension[] {name, operation, errorType}) {
            m.record(d.cap.overflow().sum(), d.counted);
          }
        });
  }

  /** {@code pointcut} (its name) with the dimensions of {@code span} and those that flowed down to it. */
  Attributes of(Attributes pointcut, RecordedSpan span, Attributes flowed) {
    String pointcutName = pointcut.get(SpanMetrics.POINTCUT);
    Attributes a = span.getAttributes();
    AttributesBuilder b = pointcut.toBuilder().putAll(flowed);
    name.put(b, pointcutName, span.getName());
    operation.put(b, pointcutName, a.get(GenAiKeys.OPERATION));
    errorType.put(b, pointcutName, a.get(SpanMetrics.ERROR_TYPE));
    return b.build();
  }

  private static final class Dimension {
    final AttributeKey<String> key;
    final CardinalityCap cap;
    final Attributes counted;

    Dimension(AttributeKey<String> key, int max, Consumer<String> warn) {
      this.key = key;
      this.counted = Attributes.of(DIMENSION, key.getKey());
      this.cap = new CardinalityCap(max, pointcut -> warn.accept("pointcut '" + pointcut + "' has more than " + max
          + " distinct values of " + key.getKey() + "; perf_agent.pointcut.duration records further ones as "
          + CardinalityCap.OTHER + " (spans keep them)"));
    }

    void put(AttributesBuilder b, String pointcut, String value) {
      if (value != null) {
        b.put(key, cap.guarded(pointcut == null ? "" : pointcut, value));
      }
    }
  }
}
