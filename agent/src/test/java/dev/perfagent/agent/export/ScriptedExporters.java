package dev.perfagent.agent.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Exporters whose every answer the test decides, wrapped in the agent's counting exporters. */
final class ScriptedExporters {
  static final List<SpanData> ONE_SPAN = Collections.singletonList(null);

  private ScriptedExporters() {}

  /** An exporter that failed {@code failed} single-span exports, then delivered {@code exported}. */
  static CountingSpanExporter spans(String destination, int exported, int failed) {
    return spans(destination, exported, failed, 0, p -> {});
  }

  /**
   * As {@link #spans(String, int, int)}, and then {@code inFlight} spans whose export has not
   * finished.
   */
  static CountingSpanExporter spans(
      String destination, int exported, int failed, int inFlight, Consumer<String> problems) {
    SpanAnswers delegate = new SpanAnswers();
    CountingSpanExporter counting = new CountingSpanExporter(delegate, destination, problems);
    delegate.next = Answer.FAIL;
    for (int i = 0; i < failed; i++) {
      counting.export(ONE_SPAN);
    }
    delegate.next = Answer.SUCCEED;
    for (int i = 0; i < exported; i++) {
      counting.export(ONE_SPAN);
    }
    delegate.next = Answer.NEVER;
    for (int i = 0; i < inFlight; i++) {
      counting.export(ONE_SPAN);
    }
    return counting;
  }

  /** A metric exporter whose exports end as {@code answers} say, in order. */
  static CountingMetricExporter metrics(String destination, Consumer<String> problems, Answer... answers) {
    MetricAnswers delegate = new MetricAnswers();
    CountingMetricExporter counting = new CountingMetricExporter(delegate, destination, problems);
    for (Answer answer : answers) {
      delegate.next = answer;
      counting.export(Collections.emptyList());
    }
    return counting;
  }

  enum Answer {
    SUCCEED,
    FAIL,
    NEVER;

    CompletableResultCode result() {
      switch (this) {
        case SUCCEED:
          return CompletableResultCode.ofSuccess();
        case FAIL:
          return CompletableResultCode.ofExceptionalFailure(new IllegalStateException("HTTP 404"));
        default:
          return new CompletableResultCode();
      }
    }
  }

  static final class SpanAnswers implements SpanExporter {
    Answer next = Answer.SUCCEED;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return next.result();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  static final class MetricAnswers implements MetricExporter {
    Answer next = Answer.SUCCEED;

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return next.result();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.DELTA;
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
      return Aggregation.base2ExponentialBucketHistogram();
    }

    @Override
    public MemoryMode getMemoryMode() {
      return MemoryMode.REUSABLE_DATA;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
