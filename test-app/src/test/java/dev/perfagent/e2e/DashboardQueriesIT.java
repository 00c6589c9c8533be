package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards and alert rules against real data: a real Prometheus (Debian's binary, on free
 * ports with a throwaway TSDB) scrapes the demo run with the agent's Prometheus exporter (lingering
 * with its pool open, as a service would, so the pool's gauges are there too), and every
 * PromQL expression of deploy/grafana/dashboards/*.json and deploy/prometheus/perf-agent-alerts.yml,
 * read from the files, is evaluated through Prometheus's HTTP API and must return series (an alert's
 * measure: its expression without the final comparison, which holds only while it fires). Every
 * metric name they read must be one the agent exports, and Prometheus must load the rules.
 */
class DashboardQueriesIT {
  /** Grafana's own variables, as a dashboard over the last hour would set them. */
  private static final Map<String, String> GRAFANA_VARIABLES =
      Map.of("$__rate_interval", "1m", "$__range", "1h", "$__interval", "15s");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void everyDashboardAndAlertExpressionReturnsSeriesFromTheDemo() throws Exception {
    Path prometheusBinary = PrometheusTools.binary("prometheus");
    Path rules = PrometheusTools.deploy().resolve("prometheus/perf-agent-alerts.yml");
    Map<String, String> expressions = dashboardExpressions();
    assertTrue(expressions.size() >= 40, "the four dashboards' queries: " + expressions.size());
    int appPort = PrometheusExportIT.freePort();
    int port = PrometheusExportIT.freePort();
    Files.writeString(work.resolve("prometheus.yml"), String.join("\n",
        // scrapes far enough apart that a loaded machine answers each in time: a failed scrape
        // marks the gauges stale, and an instant query then finds no series
        "global: {scrape_interval: 3s, scrape_timeout: 3s, evaluation_interval: 1s}",
        "rule_files: ['" + rules + "']",
        "scrape_configs:",
        "  - job_name: returns-assistant",
        "    static_configs: [{targets: ['127.0.0.1:" + appPort + "']}]",
        ""));
    Path app = Files.createDirectories(work.resolve("app"));
    Process prometheus =
        new ProcessBuilder(prometheusBinary.toString(), "--config.file=" + work.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
    AppRun.Running demo = null;
    try {
      String api = "http://127.0.0.1:" + port + "/api/v1/";
      demo = PrometheusExportIT.startDemo(app, appPort);
      PrometheusText exported =
          PrometheusExportIT.scrapeUntilExported("http://127.0.0.1:" + appPort + "/metrics", demo.sofar().counters());
      awaitScrapesOf(api, exported.sum("perf_agent_spans_recorded_total"));

      Set<String> names = new TreeSet<>(exported.names());
      names.addAll(RuleFiles.recorded(rules));
      Map<String, String> all = new LinkedHashMap<>(expressions);
      RuleFiles.expressions(rules).forEach((rule, expr) -> {
        all.put(rules.getFileName() + " " + rule, expr);
      });
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, String> e : all.entrySet()) {
        String where = e.getKey();
        String expr = e.getValue();
        Set<String> read = PromQl.metricNames(expr);
        Set<String> unknown = new TreeSet<>(read);
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
          problems.add(where + ": reads metrics the agent does not export " + unknown + " in " + expr);
        }
        JsonNode full = query(api, expr);
        if (!"success".equals(full.path("status").asText())) {
          problems.add(where + ": " + full + " for " + expr);
          continue;
        }
        boolean alert = where.contains(".yml ") && !RuleFiles.recorded(rules).contains(where.substring(where.indexOf(' ') + 1));
        String measure = alert ? RuleFiles.measure(expr) : expr;
        JsonNode result = query(api, measure).path("data").path("result");
        if (result.size() == 0) {
          problems.add(where + ": no series for " + measure);
        }
      }
      assertEquals(List.of(), problems, "Prometheus's log: " + work.resolve("prometheus.log"));
      // the wait panel and alert name a pool as the utilisation panel and the exhaustion alert do
      assertEquals(Set.of("returns-db"), poolNames(api, "db_client_connection_wait_time_seconds_count"));
      assertEquals(Set.of("returns-db"), poolNames(api, "db_client_connection_max"));
      assertRulesLoaded(api, RuleFiles.expressions(rules).keySet());
    } finally {
      if (demo != null) {
        demo.terminate();
      }
      prometheus.destroy();
      prometheus.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyPanelQueriesTheProvisionedPrometheusDataSource() throws Exception {
    String datasources =
        Files.readString(PrometheusTools.deploy().resolve("grafana/provisioning/datasources/datasources.yml"));
    Matcher uid = Pattern.compile("uid: (\\S+)\\s+type: prometheus").matcher(datasources);
    assertTrue(uid.find(), datasources);
    for (Path dashboard : dashboards()) {
      List<JsonNode> sources = JSON.readTree(dashboard.toFile()).findValues("datasource");
      assertFalse(sources.isEmpty(), dashboard.toString());
      for (JsonNode source : sources) {
        assertEquals(uid.group(1), source.path("uid").asText(), dashboard + ": " + source);
        assertEquals("prometheus", source.path("type").asText(), dashboard + ": " + source);
      }
    }
  }

  @Test
  void theMeasureOfAnAlertIsItsExpressionWithoutTheFinalComparison() {
    assertEquals("sum(rate(x{a=\"b>c\"}[5m])) / sum(rate(x[5m]))",
        RuleFiles.measure("sum(rate(x{a=\"b>c\"}[5m])) / sum(rate(x[5m])) > 0.05"));
    assertEquals("histogram_quantile(0.99, sum by (le) (rate(x[5m])))",
        RuleFiles.measure("histogram_quantile(0.99, sum by (le) (rate(x[5m]))) >= 10"));
    assertEquals("sum(rate(c[1h]))", RuleFiles.measure("sum(rate(c[1h])) > 2 * sum(rate(c[1h] offset 1h))"));
    assertEquals(Set.of("x", "y_total"),
        PromQl.metricNames("sum by (le, a) (rate(x{b=\"c d\"}[5m])) * 2e-6 / scalar(y_total) or vector(0)"));
  }

  /** Every {@code expr} of every dashboard, rows' panels included, by dashboard file, panel and query. */
  private static Map<String, String> dashboardExpressions() throws IOException {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (Path dashboard : dashboards()) {
      JsonNode root = JSON.readTree(dashboard.toFile());
      collect(root, dashboard.getFileName().toString(), expressions);
    }
    return expressions;
  }

  private static void collect(JsonNode node, String where, Map<String, String> expressions) {
    if (node.isObject()) {
      String here = node.has("title") ? where + " / " + node.get("title").asText() : where;
      if (node.has("expr")) {
        expressions.put(here + " " + node.path("refId").asText(), grafanaVariables(node.get("expr").asText(), here));
      }
      node.fields().forEachRemaining(f -> collect(f.getValue(), here, expressions));
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, where, expressions));
    }
  }

  private static String grafanaVariables(String expr, String where) {
    String result = expr;
    for (Map.Entry<String, String> v : GRAFANA_VARIABLES.entrySet()) {
      result = result.replace(v.getKey(), v.getValue());
    }
    assertFalse(result.contains("$"), where + ": a variable no dashboard defines: " + expr);
    return result;
  }

  private static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(PrometheusTools.deploy().resolve("grafana/dashboards"))) {
      List<Path> dashboards = new ArrayList<>();
      files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(dashboards::add);
      assertEquals(4, dashboards.size(), dashboards.toString());
      return dashboards;
    }
  }

  /** Waits (at most 90 s) until Prometheus has stored a few scrapes holding all {@code spans} of the demo. */
  private static void awaitScrapesOf(String api, double spans) throws IOException, InterruptedException {
    String ready = "count_over_time(perf_agent_spans_recorded_total[5m]) >= 4 and perf_agent_spans_recorded_total >= " + spans;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (query(api, ready).path("data").path("result").size() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Prometheus never scraped the demo's " + spans + " spans: " + query(api, "up"));
      }
      Thread.sleep(500);
    }
    // two more scrapes (scrape_interval 3s): a series the last conversations started then has the two
    // samples a rate() needs
    Thread.sleep(2 * 3_000 + 500);
  }

  private static void assertRulesLoaded(String api, Set<String> names) throws IOException, InterruptedException {
    Set<String> loaded = new TreeSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      loaded.clear();
      List<String> unhealthy = new ArrayList<>();
      for (JsonNode group : get(api + "rules").path("data").path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          loaded.add(rule.path("name").asText());
          if (!"ok".equals(rule.path("health").asText())) {
            unhealthy.add(rule.path("name").asText() + " " + rule.path("health").asText() + " " + rule.path("lastError").asText());
          }
        }
      }
      if ((loaded.equals(names) && unhealthy.isEmpty()) || System.nanoTime() > deadline) {
        assertEquals(new TreeSet<>(names), loaded);
        assertEquals(List.of(), unhealthy, "every rule evaluated");
        return;
      }
      Thread.sleep(500);
    }
  }

  /** The values of {@code db_client_connection_pool_name} among the series of {@code metric}. */
  private static Set<String> poolNames(String api, String metric) throws IOException {
    Set<String> names = new TreeSet<>();
    String label = "db_client_connection_pool_name";
    for (JsonNode series : query(api, "group by (" + label + ") (" + metric + ")").path("data").path("result")) {
      names.add(series.path("metric").path(label).asText());
    }
    return names;
  }

  private static JsonNode query(String api, String expr) throws IOException {
    return get(api + "query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
  }

  private static JsonNode get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(5_000);
    c.setReadTimeout(30_000);
    try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
      return JSON.readTree(in);
    }
  }
}
