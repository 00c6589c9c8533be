package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.CostEstimator;
import dev.perfagent.agent.cost.PriceTable;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.config.AgentConfig;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Map;

/** Span assemblers over a test's sites, their metrics read by an in-memory reader. */
final class TestAssemblers {
  private TestAssemblers() {}

  /** An assembler for the records of {@code sites} ({@code catalog} compiled from {@code config}), with no prices. */
  static SpanAssembler of(SiteRegistry sites, PointcutCatalog catalog, AgentConfig config, InMemoryMetricReader reader) {
    return of(sites, catalog, config, metrics(sites, reader));
  }

  /** The same, with {@code metrics} (null: none exported). */
  static SpanAssembler of(SiteRegistry sites, PointcutCatalog catalog, AgentConfig config, SpanMetrics metrics) {
    return new SpanAssembler(
        sites, new AggregateAttributes(() -> catalog), SpanIds.random(), EpochClock.now(), Resource.getDefault(),
        metrics, 200, new ExceptionEvents(config.export()), new CostEstimator(PriceTable.with(Map.of())));
  }

  /** Span metrics of {@code sites} read by {@code reader}. */
  static SpanMetrics metrics(SiteRegistry sites, InMemoryMetricReader reader) {
    return new SpanMetrics(SdkMeterProvider.builder().registerMetricReader(reader).build(),
        sites.generation().stats(), problem -> { });
  }
}
