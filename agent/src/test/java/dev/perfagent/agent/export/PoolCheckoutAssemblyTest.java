package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pool checkouts through the assembler: the data source's pool name on the span and on the wait metric. */
class PoolCheckoutAssemblyTest {
  private static final String CONFIG = String.join("\n",
      "pointcuts:",
      "  - name: jdbc.pool.checkout",
      "    subtype-of: javax.sql.DataSource",
      "    method: getConnection",
      "    span: \"{class}.getConnection\"",
      "    extract: jdbc.pool-checkout",
      "");

  /** Stands for a pool's data source: HikariCP's has this getter. */
  public static final class Pooled {
    private final String poolName;

    Pooled(String poolName) {
      this.poolName = poolName;
    }

    public String getPoolName() {
      return poolName;
    }
  }

  @Test
  void aCheckoutCarriesThePoolNameOfItsDataSourceAndADataSourceWithoutOneIsNamedByItsClass() throws Exception {
    AgentConfig config = ConfigLoader.parse(CONFIG, "test.yaml");
    PointcutCatalog catalog = PointcutCatalog.compile(config, p -> { throw new AssertionError(p); });
    SiteRegistry sites = new SiteRegistry(new RecorderState(new SpanRing(64, catalog.maxValues()), 4096, 128));
    int hikari = sites.register(catalog.get(0), "com.zaxxer.hikari.HikariDataSource", "getConnection",
        "()Ljava/sql/Connection;", PointcutPlan.END_AT_EXIT);
    int driver = sites.register(catalog.get(0), "org.postgresql.ds.PGSimpleDataSource", "getConnection",
        "()Ljava/sql/Connection;", PointcutPlan.END_AT_EXIT);

    Recorder.exit(Recorder.enter(hikari), new Pooled("returns-db"), null, null, null, null, null);
    Recorder.exit(Recorder.enter(hikari), new Pooled("returns-db"), null, null, null, null, null);
    Recorder.exit(Recorder.enter(driver), new Object(), null, null, null, null, null);

    InMemoryMetricReader reader = InMemoryMetricReader.create();
    SpanAssembler assembler = TestAssemblers.of(sites, catalog, config, reader);
    List<String> spans = new ArrayList<>();
    sites.ring().drain(r -> {
      RecordedSpan span = assembler.assemble(r);
      spans.add(span.getName() + " " + span.getAttributes().get(ConnectionPoolMetrics.POOL_NAME));
    }, 100);
    assertEquals(List.of("HikariDataSource.getConnection returns-db", "HikariDataSource.getConnection returns-db",
        "PGSimpleDataSource.getConnection null"), spans);

    Map<String, Long> waits = new HashMap<>();
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals("db.client.connection.wait_time")) {
        for (HistogramPointData p : m.getHistogramData().getPoints()) {
          waits.put(p.getAttributes().get(ConnectionPoolMetrics.POOL_NAME), p.getCount());
        }
      }
    }
    assertEquals(Map.of("returns-db", 2L, "PGSimpleDataSource", 1L), waits);
  }
}
