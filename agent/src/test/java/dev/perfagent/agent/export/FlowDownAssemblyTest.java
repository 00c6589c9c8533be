package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Propagation;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Recorded calls through the assembler: what flowed down reaches spans and metric points, own values win. */
class FlowDownAssemblyTest {
  private static final String CONFIG = String.join("\n",
      "pointcuts:",
      "  - name: entry",
      "    class: com.acme.Agent",
      "    method: handle",
      "    capture: {tenant.id: arg0, region: arg1}",
      "    flow-down: [tenant.id, region]",
      "  - name: plain",
      "    class: com.acme.Agent",
      "    method: step",
      "  - name: own",
      "    class: com.acme.Agent",
      "    method: call",
      "    attributes: {region: fixed}",
      "    capture: {tenant.id: arg0}",
      "");

  /** The spans {@link #assembled} builds: the values flow to the spans beneath unless they have their own. */
  private static final List<String> SPANS =
      List.of("Agent.step acme/eu", "Agent.call globex/fixed", "Agent.handle acme/eu", "Agent.step null/null");

  @Test
  void spansBeneathGetTheValuesUnlessTheyHaveTheirOwnAndSoDoTheirMetricPoints() throws Exception {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    assertEquals(SPANS, assembled(sites -> TestAssemblers.metrics(sites, reader)));

    Map<String, Long> points = new HashMap<>();
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals("perf_agent.pointcut.duration")) {
        for (HistogramPointData p : m.getHistogramData().getPoints()) {
          points.put(p.getAttributes().get(SpanMetrics.POINTCUT) + " "
              + p.getAttributes().get(AttributeKey.stringKey("tenant.id")) + "/"
              + p.getAttributes().get(AttributeKey.stringKey("region")), p.getCount());
        }
      }
    }
    assertEquals(Map.of("entry acme/eu", 1L, "plain acme/eu", 1L, "own globex/fixed", 1L, "plain null/null", 1L), points);
  }

  @Test
  void aFlowingKeyTheAgentWritesItselfTakesEachSpansOwnValueInTheMetrics() throws Exception {
    AgentConfig config = ConfigLoader.parse(String.join("\n",
        "pointcuts:",
        "  - name: entry",
        "    class: com.acme.Agent",
        "    method: handle",
        "    capture: {thread.name: arg0}",
        "    flow-down: [thread.name]",
        "  - name: plain",
        "    class: com.acme.Agent",
        "    method: step",
        ""), "test.yaml");
    PointcutCatalog catalog = PointcutCatalog.compile(config, p -> { throw new AssertionError(p); });
    SiteRegistry sites = new SiteRegistry(new RecorderState(new SpanRing(64, catalog.maxValues()), 4096, 128));
    int entry = sites.register(catalog.get(0), "com.acme.Agent", "handle", "()V", PointcutPlan.END_AT_EXIT);
    int plain = sites.register(catalog.get(1), "com.acme.Agent", "step", "()V", PointcutPlan.END_AT_EXIT);
    Frame call = Recorder.enterFlowing(entry, null, "flowed", null, null);
    for (String worker : List.of("worker-a", "worker-b")) { // the assembler writes each span's thread.name
      ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, worker));
      try {
        pool.submit(Propagation.wrap(() -> Recorder.exit(Recorder.enter(plain), null, null, null, null, null, null)))
            .get();
      } finally {
        pool.shutdown();
      }
    }
    Recorder.exit(call, null, "flowed", null, null, null, null);
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    SpanAssembler assembler = TestAssemblers.of(sites, catalog, config, TestAssemblers.metrics(sites, reader));
    sites.ring().drain(assembler::assemble, 100);

    Map<String, Long> points = new HashMap<>();
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals("perf_agent.pointcut.duration")) {
        for (HistogramPointData p : m.getHistogramData().getPoints()) {
          points.put(p.getAttributes().get(SpanMetrics.POINTCUT) + " "
              + p.getAttributes().get(AttributeKey.stringKey("thread.name")), p.getCount());
        }
      }
    }
    assertEquals(Map.of("entry " + Thread.currentThread().getName(), 1L, "plain worker-a", 1L, "plain worker-b", 1L),
        points);
  }

  @Test
  void withNoMetricsExportedTheSameSpansAreBuilt() throws Exception {
    assertEquals(SPANS, assembled(sites -> null));
  }

  /** The spans of a flowing entry call, a call beneath it with its own value and one outside, as name and values. */
  private static List<String> assembled(java.util.function.Function<SiteRegistry, SpanMetrics> metrics) throws Exception {
    AgentConfig config = ConfigLoader.parse(CONFIG, "test.yaml");
    PointcutCatalog catalog = PointcutCatalog.compile(config, p -> { throw new AssertionError(p); });
    SiteRegistry sites = new SiteRegistry(new RecorderState(new SpanRing(64, catalog.maxValues()), 4096, 128));
    int entry = sites.register(catalog.get(0), "com.acme.Agent", "handle", "()V", PointcutPlan.END_AT_EXIT);
    int plain = sites.register(catalog.get(1), "com.acme.Agent", "step", "()V", PointcutPlan.END_AT_EXIT);
    int own = sites.register(catalog.get(2), "com.acme.Agent", "call", "()V", PointcutPlan.END_AT_EXIT);

    Frame call = Recorder.enterFlowing(entry, null, "acme", "eu", null);
    Recorder.exit(Recorder.enter(plain), null, null, null, null, null, null);
    Recorder.exit(Recorder.enter(own), null, "globex", null, null, null, null);
    Recorder.exit(call, null, "acme", "eu", null, null, null);
    Recorder.exit(Recorder.enter(plain), null, null, null, null, null, null); // outside: nothing flows

    SpanAssembler assembler = TestAssemblers.of(sites, catalog, config, metrics.apply(sites));
    List<String> spans = new ArrayList<>();
    sites.ring().drain(r -> {
      RecordedSpan span = assembler.assemble(r);
      spans.add(span.getName() + " " + span.getAttributes().get(AttributeKey.stringKey("tenant.id"))
          + "/" + span.getAttributes().get(AttributeKey.stringKey("region")));
    }, 100);
    return spans;
  }
}
