package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.agent.cost.GenAiKeys;
import dev.perfagent.bootstrap.FlowingValues;
import dev.perfagent.bootstrap.RecorderStats;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpanMetricsTest {
  private static final List<Double> SECONDS =
      Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final List<String> warnings = new ArrayList<>();
  private final SpanMetrics metrics = metrics(reader, warnings::add);

  @Test
  void durationHistogramsHaveSecondBasedBucketsAndGenAiKeepsItsOwn() {
    Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 30_000_000, Attributes.builder()
        .put("db.system.name", "h2").build(), Collections.emptyList()), null, true);
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 3_000_000_000L, Attributes.builder()
        .put("gen_ai.operation.name", "chat").build(), Collections.emptyList()), null, true);

    assertEquals(SECONDS, SpanMetrics.DURATION_BUCKETS);
    Map<String, HistogramPointData> pointcuts = new HashMap<>(); // by gen_ai.operation.name, one dimension
    for (HistogramPointData p : points(reader, "perf_agent.pointcut.duration")) {
      pointcuts.put(p.getAttributes().get(GenAiKeys.OPERATION), p);
    }
    assertEquals(2, pointcuts.size());
    assertEquals(SECONDS, pointcuts.get(null).getBoundaries());
    assertEquals(1, pointcuts.get(null).getCounts().get(3), "30 ms: (25 ms, 50 ms]");
    assertEquals(1, pointcuts.get("chat").getCounts().get(11), "3 s: (2.5 s, 5 s]");
    assertEquals(SECONDS, point(reader, "db.client.operation.duration").getBoundaries());
    assertEquals(
        Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92),
        point(reader, "gen_ai.client.operation.duration").getBoundaries());
  }

  @Test
  void aPoolCheckoutIsAConnectionWait() {
    metrics.record(Attributes.of(SpanMetrics.POINTCUT, "jdbc.pool.checkout"),
        TestSpans.span(SpanKind.INTERNAL, 30_000_000, Attributes.empty(), Collections.emptyList()), null, true);
    metrics.record(Attributes.of(SpanMetrics.POINTCUT, "other"),
        TestSpans.span(SpanKind.INTERNAL, 30_000_000, Attributes.empty(), Collections.emptyList()), null, true);
    HistogramPointData wait = point(reader, "db.client.connection.wait_time");
    assertEquals(1, wait.getCount(), "only the checkout");
    assertEquals(1, wait.getCounts().get(3), "30 ms: (25 ms, 50 ms]");
  }

  @Test
  void aConnectionWaitIsNamedByThePoolsNameElseByTheDataSourcesClass() {
    Attributes checkout = Attributes.of(SpanMetrics.POINTCUT, "jdbc.pool.checkout");
    metrics.record(checkout, TestSpans.named("HikariDataSource.getConnection", SpanKind.INTERNAL, 1_000,
        Attributes.of(ConnectionPoolMetrics.POOL_NAME, "returns-db"), List.of()), null, true);
    metrics.record(checkout, TestSpans.named("PGSimpleDataSource.getConnection", SpanKind.INTERNAL, 1_000,
        Attributes.empty(), List.of()), null, true);
    Map<String, Long> byPool = new HashMap<>();
    for (HistogramPointData p : points(reader, "db.client.connection.wait_time")) {
      byPool.put(p.getAttributes().get(ConnectionPoolMetrics.POOL_NAME), p.getCount());
    }
    assertEquals(Map.of("returns-db", 1L, "PGSimpleDataSource", 1L), byPool);
  }

  @Test
  void flowingValuesSplitTheTokenAndPointcutMetricsAndTheSpansOwnValueWins() {
    Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");
    FlowingValues acme = FlowingValues.over(null, new String[] {"tenant.id"}, new Object[] {"acme"});
    metrics.record(pointcut, chat(100, "acme"), acme, true);
    metrics.record(pointcut, chat(20, "acme"), acme, true);
    metrics.record(pointcut, chat(7, 7L), acme, false); // its own value, a number: that is its dimension
    metrics.record(pointcut, chat(1000, null), null, true);

    Map<String, Long> inputTokens = new HashMap<>();
    for (HistogramPointData p : points(reader, "gen_ai.client.token.usage")) {
      if ("input".equals(p.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type")))) {
        inputTokens.put(p.getAttributes().get(AttributeKey.stringKey("tenant.id")), (long) p.getSum());
      }
    }
    Map<String, Long> expected = new HashMap<>();
    expected.put("acme", 120L);
    expected.put("7", 7L);
    expected.put(null, 1000L);
    assertEquals(expected, inputTokens);
    Map<String, Long> calls = new HashMap<>();
    for (HistogramPointData p : points(reader, "perf_agent.pointcut.duration")) {
      assertEquals("p", p.getAttributes().get(SpanMetrics.POINTCUT));
      calls.put(p.getAttributes().get(AttributeKey.stringKey("tenant.id")), p.getCount());
    }
    assertEquals(Map.of("acme", 2L, "7", 1L), Map.of("acme", calls.get("acme"), "7", calls.get("7")));
    assertEquals(1L, calls.get(null));
  }

  @Test
  void cacheReadsCacheWritesAndReasoningTokensAreCountedPerCallWithTheTokenUsageAttributes() {
    Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");
    FlowingValues acme = FlowingValues.over(null, new String[] {"tenant.id"}, new Object[] {"acme"});
    Attributes anthropic = Attributes.builder().put("gen_ai.operation.name", "chat")
        .put("gen_ai.provider.name", "anthropic").put("gen_ai.request.model", "claude-sonnet-4")
        .put("gen_ai.usage.input_tokens", 28L).put("gen_ai.usage.cache_read.input_tokens", 3L)
        .put("gen_ai.usage.cache_creation.input_tokens", 2L).put("tenant.id", "acme").build(); // as flowed down
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 1_000, anthropic, List.of()), acme, true);
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 1_000, anthropic, List.of()), acme, true);
    metrics.record(pointcut, TestSpans.span(SpanKind.CLIENT, 1_000, Attributes.builder()
        .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "openai")
        .put("gen_ai.request.model", "gpt-4o").put("gen_ai.usage.input_tokens", 50L)
        .put("gen_ai.usage.cache_read.input_tokens", 10L).put("gen_ai.usage.reasoning.output_tokens", 4L)
        .put("error.type", "timeout").build(), List.of()), null, true);
    metrics.record(pointcut, chat(7, null), null, true); // no cache or reasoning figures: nothing counted

    Map<String, Long> byDetail = new HashMap<>();
    reader.collectAllMetrics().stream().filter(m -> m.getName().equals("perf_agent.gen_ai.client.token.usage.detail"))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .forEach(p -> byDetail.merge(p.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")) + " "
            + p.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")) + " "
            + p.getAttributes().get(AttributeKey.stringKey("tenant.id")) + " "
            + p.getAttributes().get(SpanMetrics.TOKEN_DETAIL), p.getValue(), Long::sum));
    assertEquals(Map.of("anthropic claude-sonnet-4 acme cache_read", 6L, "anthropic claude-sonnet-4 acme cache_creation", 4L,
        "openai gpt-4o null cache_read", 10L, "openai gpt-4o null reasoning", 4L), byDetail);
    assertEquals(10L, count(reader, "perf_agent.gen_ai.client.token.usage.detail", Attributes.builder()
        .put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "openai").put("gen_ai.request.model", "gpt-4o")
        .put(SpanMetrics.TOKEN_DETAIL, "cache_read").build()), "no error.type: the token usage's attributes");
  }

  @Test
  void distinctValuesBeyondTheCapAreRecordedAsOtherCountedAndSaidOnce() {
    Attributes pointcut = Attributes.of(SpanMetrics.POINTCUT, "p");
    int conversations = FlowDimensions.MAX_VALUES + 5;
    for (int i = 0; i < conversations; i++) {
      String id = "conv-" + i;
      FlowingValues flowing = FlowingValues.over(null, new String[] {"conv"}, new Object[] {id});
      metrics.record(pointcut, chat(1, id), flowing, true);
    }
    metrics.record(pointcut, chat(1, "conv-0"), FlowingValues.over(null, new String[] {"conv"}, new Object[] {"conv-0"}), true);
    Map<String, Long> perConversation = new HashMap<>();
    for (HistogramPointData p : points(reader, "gen_ai.client.token.usage")) {
      perConversation.merge(p.getAttributes().get(AttributeKey.stringKey("conv")), (long) p.getSum(), Long::sum);
    }
    assertEquals(FlowDimensions.MAX_VALUES + 1, perConversation.size(), "the first 100 and _OTHER");
    assertEquals(5L, perConversation.get(FlowDimensions.OTHER));
    assertEquals(2L, perConversation.get("conv-0"), "a value seen before the cap keeps its own series");
    assertEquals(conversations + 1L, perConversation.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(List.of("flow-down attribute 'conv' has more than 100 distinct values; metrics record further"
        + " ones as _OTHER (spans keep them)"), warnings);
    assertEquals(5L, count(reader, "perf_agent.flow_down.overflow", Attributes.empty()),
        "each recorded _OTHER span counted once (tokens: one point per span here)");
  }

  @Test
  void pointcutDurationsAreSlicedBySpanNameOperationAndErrorTypeWithACapPerPointcut() {
    Attributes tools = Attributes.of(SpanMetrics.POINTCUT, "tool.execute");
    Attributes failed = Attributes.builder().put("gen_ai.operation.name", "execute_tool")
        .put("error.type", "java.io.IOException").build();
    metrics.record(tools, TestSpans.named("execute_tool refund", SpanKind.INTERNAL, 1_000, failed, List.of()), null, true);
    for (int i = 0; i < PointcutDimensions.MAX_SPAN_NAMES + 3; i++) {
      metrics.record(tools, TestSpans.named("execute_tool t" + i, SpanKind.INTERNAL, 1_000,
          Attributes.of(AttributeKey.stringKey("gen_ai.operation.name"), "execute_tool"), List.of()), null, true);
    }
    metrics.record(Attributes.of(SpanMetrics.POINTCUT, "other"),
        TestSpans.named("execute_tool t60", SpanKind.INTERNAL, 1_000, Attributes.empty(), List.of()), null, true);

    Map<String, Long> byName = new HashMap<>();
    for (HistogramPointData p : points(reader, "perf_agent.pointcut.duration")) {
      byName.merge(p.getAttributes().get(SpanMetrics.POINTCUT) + " " + p.getAttributes().get(PointcutDimensions.SPAN_NAME)
          + " " + p.getAttributes().get(GenAiKeys.OPERATION) + " " + p.getAttributes().get(SpanMetrics.ERROR_TYPE),
          p.getCount(), Long::sum);
    }
    assertEquals(1L, byName.get("tool.execute execute_tool refund execute_tool java.io.IOException"));
    assertEquals(1L, byName.get("tool.execute execute_tool t0 execute_tool null"));
    assertEquals(4L, byName.get("tool.execute _OTHER execute_tool null"), "the 50 names then 4 over the cap");
    assertEquals(1L, byName.get("other execute_tool t60 null null"), "the cap is per pointcut");
    assertEquals(PointcutDimensions.MAX_SPAN_NAMES + 2, byName.size());
    assertEquals(List.of("pointcut 'tool.execute' has more than 50 distinct values of perf_agent.span.name;"
        + " perf_agent.pointcut.duration records further ones as _OTHER (spans keep them)"), warnings);
    assertEquals(4L, count(reader, "perf_agent.dimensions.overflow",
        Attributes.of(AttributeKey.stringKey("perf_agent.dimension"), "perf_agent.span.name")));
  }

  /** The value of counter {@code name}'s point with exactly {@code attributes}. */
  private static long count(InMemoryMetricReader reader, String name, Attributes attributes) {
    return reader.collectAllMetrics().stream().filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .filter(p -> p.getAttributes().equals(attributes))
        .mapToLong(p -> p.getValue()).sum();
  }

  private static SpanMetrics metrics(InMemoryMetricReader reader, Consumer<String> warn) {
    return new SpanMetrics(SdkMeterProvider.builder().registerMetricReader(reader).build(), new RecorderStats(), warn);
  }

  /** A chat span with {@code input} input tokens and, unless null, its own tenant.id / conv value. */
  private static RecordedSpan chat(long input, Object own) {
    AttributesBuilder a = Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.usage.input_tokens", input);
    if (own instanceof String) {
      a.put("tenant.id", (String) own).put("conv", (String) own);
    } else if (own != null) {
      a.put("tenant.id", (Long) own);
    }
    return TestSpans.span(SpanKind.CLIENT, 1_000_000, a.build(), Collections.emptyList());
  }

  private static List<HistogramPointData> points(InMemoryMetricReader reader, String name) {
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals(name)) {
        return new ArrayList<>(m.getHistogramData().getPoints());
      }
    }
    throw new AssertionError("no " + name);
  }

  private static HistogramPointData point(InMemoryMetricReader reader, String name) {
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals(name)) {
        assertEquals("s", m.getUnit());
        return m.getHistogramData().getPoints().iterator().next();
      }
    }
    throw new AssertionError("no " + name);
  }
}
