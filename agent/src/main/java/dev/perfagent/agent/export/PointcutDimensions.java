package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.GenAiKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
  /** Enough for every pointcut's capped dimensions in usual apps; the memory of a few hundred KB. */
  private static final int MAX_BUILT = 4096;
  private static final AttributeKey<String> DIMENSION = AttributeKey.stringKey("perf_agent.dimension");

  private final Dimension name;
  private final Dimension operation;
  private final Dimension errorType;
  /** The attributes built so far, by their values; cleared when it reaches {@link #MAX_BUILT}. */
  private final Map<Point, Attributes> built = new HashMap<>();

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

  /**
   * {@code pointcut} (its name) with the dimensions of {@code span} and those that flowed down to it;
   * the same instance for the same values (the metric's storage then finds its series at once).
   */
  Attributes of(Attributes pointcut, RecordedSpan span, Attributes flowed) {
    String pointcutName = pointcut.get(SpanMetrics.POINTCUT);
    Attributes a = span.getAttributes();
    Point point = new Point(pointcut, flowed, name.guarded(pointcutName, span.getName()),
        operation.guarded(pointcutName, a.get(GenAiKeys.OPERATION)),
        errorType.guarded(pointcutName, a.get(SpanMetrics.ERROR_TYPE)));
    Attributes attributes = built.get(point);
    if (attributes == null) {
      if (built.size() >= MAX_BUILT) {
        built.clear();
      }
      attributes = point.build();
      built.put(point, attributes);
    }
    return attributes;
  }

  /** The values one set of dimensions is made of, each already capped. */
  private final class Point {
    final Attributes pointcut;
    final Attributes flowed;
    final String name;
    final String operation;
    final String errorType;

    Point(Attributes pointcut, Attributes flowed, String name, String operation, String errorType) {
      this.pointcut = pointcut;
      this.flowed = flowed;
      this.name = name;
      this.operation = operation;
      this.errorType = errorType;
    }

    Attributes build() {
      AttributesBuilder b = pointcut.toBuilder().putAll(flowed);
      PointcutDimensions.this.name.put(b, name);
      PointcutDimensions.this.operation.put(b, operation);
      PointcutDimensions.this.errorType.put(b, errorType);
      return b.build();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Point)) {
        return false;
      }
      Point p = (Point) o;
      return pointcut.equals(p.pointcut) && flowed.equals(p.flowed) && Objects.equals(name, p.name)
          && Objects.equals(operation, p.operation) && Objects.equals(errorType, p.errorType);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pointcut, flowed, name, operation, errorType);
    }
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

    /** {@code value} or {@link CardinalityCap#OTHER} beyond the pointcut's cap; null when null. */
    String guarded(String pointcut, String value) {
      return value == null ? null : cap.guarded(pointcut == null ? "" : pointcut, value);
    }

    void put(AttributesBuilder b, String value) {
      if (value != null) {
        b.put(key, value);
      }
    }
  }
}
