package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.CostEstimator;
import dev.perfagent.agent.cost.GenAiKeys;
import dev.perfagent.bootstrap.DurationHistograms;
import dev.perfagent.bootstrap.FlowingValues;
import dev.perfagent.bootstrap.RecorderStats;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Metrics derived from finished spans on the exporter thread: the duration of every pointcut, and
 * for LLM and database client spans the semantic-convention histograms (operation duration, token
 * usage), so p50/p95/p99 and tokens per model are available without reading traces.
 */
final class SpanMetrics {
  private static final String POINTCUT_DURATION = "perf_agent.pointcut.duration";
  private static final String GEN_AI_DURATION = "gen_ai.client.operation.duration";
  private static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  private static final String TOKEN_USAGE_DETAIL = "perf_agent.gen_ai.client.token.usage.detail";
  private static final String TIME_TO_FIRST_CHUNK_METRIC = "gen_ai.client.operation.time_to_first_chunk";
  private static final String COST_METRIC = "perf_agent.gen_ai.cost";
  static final AttributeKey<String> POINTCUT = AttributeKey.stringKey("perf_agent.pointcut");
  /** The jdbc preset's checkout pointcut: each of its spans is a wait for a pooled connection. */
  private static final String POOL_CHECKOUT = "jdbc.pool.checkout";
  private static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  /**
   * The parts of the input and output tokens that gen_ai.client.token.usage (input and output only)
   * does not show, by span attribute and the value of {@link #TOKEN_DETAIL} they are counted under.
   */
  private static final TokenDetail[] TOKEN_DETAILS = {
    new TokenDetail(GenAiKeys.CACHE_READ_INPUT_TOKENS, "cache_read"),
    new TokenDetail(GenAiKeys.CACHE_CREATION_INPUT_TOKENS, "cache_creation"),
    new TokenDetail(GenAiKeys.REASONING_OUTPUT_TOKENS, "reasoning"),
  };
  static final AttributeKey<String> TOKEN_DETAIL = AttributeKey.stringKey("perf_agent.gen_ai.token.detail");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  /** The boundaries of every duration histogram but the GenAI one, in seconds. */
  static final List<Double> DURATION_BUCKETS = seconds(DurationHistograms.boundaryNanos());
  /** The GenAI conventions advise their own, wider boundaries for model calls. */
  private static final List<Double> GEN_AI_DURATION_BUCKETS =
      Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  private static final List<Long> TOKEN_BUCKETS =
      Arrays.asList(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L,
          4194304L, 16777216L, 67108864L);

  private final DoubleHistogram pointcutDuration;

  private final DoubleHistogram genAiDuration;
  private final LongHistogram tokenUsage;
  private final LongCounter tokenDetail;
  private final DoubleHistogram genAiTimeToFirstChunk;
  private final DoubleCounter cost;
  private final DoubleHistogram dbDuration;
  private final DoubleHistogram connectionWait;
  private final FlowDimensions flowDimensions;
  private final PointcutDimensions pointcutDimensions;

  /** @param warn told about a {@code flow-down} key that reached its cap of distinct values */
  SpanMetrics(MeterProvider meters, RecorderStats stats, Consumer<String> warn) {
    flowDimensions = new FlowDimensions(warn);
    Meter meter = meters.get("dev.perfagent");
    pointcutDuration =
        meter.histogramBuilder(POINTCUT_DURATION).setUnit("s")
            .setDescription("Duration of calls matched by a pointcut")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    pointcutDimensions = new PointcutDimensions(meter, warn);
    counter(meter, "perf_agent.spans.below_min_duration", "{call}",
        "Calls shorter than their pointcut's min-duration (no span)", stats.belowMinDuration);
    counter(meter, "perf_agent.spans.timed_out", "{span}",
        "Spans still open after limits.open-span-timeout, ended by the agent", stats.timedOut);
    counter(meter, "perf_agent.calls.too_deep", "{call}",
        "Calls not recorded because too many matched calls were open on their thread", stats.tooDeep);
    counter(meter, "perf_agent.values.truncated", "{value}",
        "Captured strings and lists cut at limits.value-length / limits.list-length",
        stats.truncatedValues);
    counter(meter, "perf_agent.values.unreadable", "{value}",
        "Captured values not recorded because a getter or toString() threw", stats.captureErrors);
    counter(meter, "perf_agent.config.changes", "{change}",
        "Changes of the configuration file applied while the application ran", stats.configChanges);
    counter(meter, "perf_agent.config.changes_refused", "{change}",
        "Changes of the configuration file not applied (invalid, or needing a restart)",
        stats.configChangesRefused);
    counter(meter, "perf_agent.flow_down.overflow", "{value}",
        "Metric points whose flow-down dimension was recorded as " + FlowDimensions.OTHER
            + " because its key had " + FlowDimensions.MAX_VALUES + " distinct values already, or the metric "
            + FlowDimensions.MAX_SERIES + " series with flow-down values",
        flowDimensions.overflow());
    genAiDuration =
        meter.histogramBuilder(GEN_AI_DURATION).setUnit("s")
            .setDescription("GenAI operation duration")
            .setExplicitBucketBoundariesAdvice(GEN_AI_DURATION_BUCKETS).build();
    tokenUsage =
        meter.histogramBuilder(TOKEN_USAGE).ofLongs().setUnit("{token}")
            .setDescription("Measures number of input and output tokens used")
            .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
    tokenDetail =
        meter.counterBuilder(TOKEN_USAGE_DETAIL).setUnit("{token}")
            .setDescription("Input tokens read from and written to the provider's prompt cache, and reasoning"
                + " output tokens (parts of gen_ai.client.token.usage's input and output)")
            .build();
    genAiTimeToFirstChunk =
        meter.histogramBuilder(TIME_TO_FIRST_CHUNK_METRIC).setUnit("s")
            .setDescription("Time from the start of a streaming GenAI call to its first chunk")
            .setExplicitBucketBoundariesAdvice(GEN_AI_DURATION_BUCKETS).build();
    cost =
        meter.counterBuilder(COST_METRIC).ofDoubles().setUnit("{USD}")
            .setDescription("Estimated cost of GenAI calls, from the price table (an estimate, not a bill)")
            .build();
    dbDuration =
        meter.histogramBuilder("db.client.operation.duration").setUnit("s")
            .setDescription("Duration of database client operations")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    connectionWait =
        meter.histogramBuilder("db.client.connection.wait_time").setUnit("s")
            .setDescription("The time it took to obtain an open connection from the pool")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
  }

  /**
   * Records {@code span}; {@code pointcut} carries the span's pointcut name (built once per site);
   * {@code flowing}, the values flowing down to it (null when none), adds dimensions to the
   * pointcut and GenAI metrics; {@code flowingAsIs} says the span has no value of its own for any
   * of their keys.
   */
  void record(Attributes pointcut, RecordedSpan span, FlowingValues flowing, boolean flowingAsIs) {
    double seconds = span.getLatencyNanos() / 1e9;
    Attributes a = span.getAttributes();
    Attributes flowed = flowDimensions.of(flowing, a, flowingAsIs);
    pointcutDuration.record(seconds,
        flowDimensions.capped(POINTCUT_DURATION, pointcutDimensions.of(pointcut, span, flowed), flowed));
    if (POOL_CHECKOUT.equals(pointcut.get(POINTCUT))) {
      connectionWait.record(seconds, Attributes.of(ConnectionPoolMetrics.POOL_NAME, poolName(span, a)));
      return;
    }
    if (span.getKind() != SpanKind.CLIENT) {
      return;
    }
    if (a.get(GenAiKeys.OPERATION) != null) {
      AttributesBuilder common = Attributes.builder().putAll(flowed);
      copy(a, common, GenAiKeys.OPERATION, GenAiKeys.PROVIDER, GenAiKeys.REQUEST_MODEL, GenAiKeys.RESPONSE_MODEL);
      Attributes tokens = common.build();
      copy(a, common, ERROR_TYPE);
      genAiDuration.record(seconds, flowDimensions.capped(GEN_AI_DURATION, common.build(), flowed));
      Long input = a.get(GenAiKeys.INPUT_TOKENS);
      Long output = a.get(GenAiKeys.OUTPUT_TOKENS);
      if (input != null) {
        tokenUsage.record(input, flowDimensions.capped(TOKEN_USAGE, tokens.toBuilder().put(TOKEN_TYPE, "input").build(), flowed));
      }
      if (output != null) {
        tokenUsage.record(output, flowDimensions.capped(TOKEN_USAGE, tokens.toBuilder().put(TOKEN_TYPE, "output").build(), flowed));
      }
      for (TokenDetail detail : TOKEN_DETAILS) {
        Long count = a.get(detail.attribute);
        if (count != null) {
          tokenDetail.add(count, flowDimensions.capped(
              TOKEN_USAGE_DETAIL, tokens.toBuilder().put(TOKEN_DETAIL, detail.value).build(), flowed));
        }
      }
      Double usd = a.get(CostEstimator.COST);
      if (usd != null) {
        cost.add(usd, flowDimensions.capped(COST_METRIC, tokens, flowed));
      }
      Double firstChunk = a.get(GenAiKeys.TIME_TO_FIRST_CHUNK);
      if (firstChunk != null) {
        genAiTimeToFirstChunk.record(firstChunk, flowDimensions.capped(TIME_TO_FIRST_CHUNK_METRIC, tokens, flowed));
      }
    } else if (a.get(DatabaseSpans.SYSTEM) != null) {
      AttributesBuilder db = Attributes.builder();
      copy(a, db, DatabaseSpans.SYSTEM, DatabaseSpans.NAMESPACE, DatabaseSpans.OPERATION, DatabaseSpans.COLLECTION,
          ERROR_TYPE);
      dbDuration.record(seconds, db.build());
    }
  }

  /**
   * The pool's name as the pool metrics carry it (HikariCP's), so that waits and utilisation join;
   * a data source without one is known by its class, from the span's name ({@code {class}.getConnection}).
   */
  private static String poolName(RecordedSpan checkout, Attributes a) {
    String name = a.get(ConnectionPoolMetrics.POOL_NAME);
    return name != null ? name : checkout.getName().replace(".getConnection", "");
  }

  private static void counter(Meter meter, String name, String unit, String description, LongAdder count) {
    meter.counterBuilder(name).setUnit(unit).setDescription(description).buildWithCallback(m -> m.record(count.sum()));
  }

  private static List<Double> seconds(long[] nanos) {
    List<Double> seconds = new ArrayList<>(nanos.length);
    for (long n : nanos) {
      seconds.add(n / 1e9);
    }
    return Collections.unmodifiableList(seconds);
  }

  @SafeVarargs
  private static void copy(Attributes from, AttributesBuilder to, AttributeKey<String>... keys) {
    for (AttributeKey<String> key : keys) {
      String v = from.get(key);
      if (v != null) {
        to.put(key, v);
      }
    }
  }

  private static final class TokenDetail {
    final AttributeKey<Long> attribute;
    final String value;

    TokenDetail(AttributeKey<Long> attribute, String value) {
      this.attribute = attribute;
      this.value = value;
    }
  }
}
