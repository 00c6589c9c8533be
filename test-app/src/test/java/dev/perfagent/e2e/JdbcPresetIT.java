package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdbcapp.JdbcMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jdbc preset on real databases, through the real agent jar: PostgreSQL (a throwaway server,
 * {@link PostgresServer}), H2 and SQLite (xerial), each with connections from a HikariCP pool and
 * straight from the driver. {@code jdbcapp.JdbcMain} runs the same steps on each and prints how many
 * JDBC calls it made; every one is a span under the step's tool span, with the database's attributes
 * and sanitized SQL, and no literal of the SQL anywhere in any span.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPresetIT {
  private static final Pattern COUNTERS = Pattern.compile(
      "counters: executions=(\\d+) batches=(\\d+) commits=(\\d+) rollbacks=(\\d+) checkouts=(\\d+) failure=(\\S+)"
          + " timeouts=(\\d+) tracked-uses=(\\d+) tracked-timeouts=(\\d+)");
  private static final String POOL = "db.client.connection.pool.name";
  private static final String TRANSACTION = "perf_agent.db.transaction.duration";
  private PostgresServer postgres;

  @AfterAll
  void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private PostgresServer postgres() throws Exception {
    if (postgres == null) {
      postgres = PostgresServer.start();
    }
    return postgres;
  }

  @Test
  void postgresqlThroughHikari(@TempDir Path work) throws Exception {
    PostgresServer server = postgres();
    check(work, server.url(), true, "postgresql", PostgresServer.DATABASE, "127.0.0.1", (long) server.port(),
        PostgresServer.USER);
  }

  @Test
  void postgresqlStraightFromTheDriver(@TempDir Path work) throws Exception {
    PostgresServer server = postgres();
    check(work, server.url(), false, "postgresql", PostgresServer.DATABASE, "127.0.0.1", (long) server.port(),
        PostgresServer.USER);
  }

  @Test
  void h2ThroughHikari(@TempDir Path work) throws Exception {
    check(work, "jdbc:h2:mem:pooled;DB_CLOSE_DELAY=-1", true, "h2database", "pooled", null, null, "sa");
  }

  @Test
  void h2StraightFromTheDriver(@TempDir Path work) throws Exception {
    check(work, "jdbc:h2:mem:direct;DB_CLOSE_DELAY=-1", false, "h2database", "direct", null, null, "sa");
  }

  @Test
  void sqliteThroughHikari(@TempDir Path work) throws Exception {
    String file = work.resolve("pooled.db").toString();
    check(work, "jdbc:sqlite:" + file, true, "sqlite", file, null, null, null);
  }

  @Test
  void sqliteStraightFromTheDriver(@TempDir Path work) throws Exception {
    String file = work.resolve("direct.db").toString();
    check(work, "jdbc:sqlite:" + file, false, "sqlite", file, null, null, null);
  }

  private void check(
      Path work, String url, boolean pooled, String system, String namespace, String host, Long port, String user)
      throws Exception {
    Path config = Paths.get("src/test/resources/jdbc-perf-agent.yaml").toAbsolutePath();
    String[] args = user == null ? new String[] {url, pooled ? "hikari" : "direct"}
        : new String[] {url, pooled ? "hikari" : "direct", user};
    // metrics exported often enough to see the pool full while a checkout waits (2.5 s)
    AppRun run = AppRun.runMain(AppRun.defaultJava(), List.of(), work, "config=" + config,
        Map.of("OTEL_METRIC_EXPORT_INTERVAL", "200"), "jdbcapp.JdbcMain", args);
    assertEquals(0, run.exitCode, run.toString());
    Matcher counters = COUNTERS.matcher(run.stdout);
    assertTrue(counters.find(), run.toString());
    int executions = Integer.parseInt(counters.group(1));
    int batches = Integer.parseInt(counters.group(2));
    int commits = Integer.parseInt(counters.group(3));
    int rollbacks = Integer.parseInt(counters.group(4));
    int checkouts = Integer.parseInt(counters.group(5));
    String failure = counters.group(6);
    int timeouts = Integer.parseInt(counters.group(7));
    assertEquals(pooled ? 11 : 0, checkouts);
    assertEquals(pooled ? 1 : 0, timeouts);

    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    Map<String, ReceivedSpan> byId = new HashMap<>();
    spans.forEach(s -> byId.put(s.spanId, s));
    List<ReceivedSpan> tools = select(spans, s -> s.name.startsWith("execute_tool "));
    assertEquals(pooled ? 9 : 8, tools.size(), spans.toString());
    List<ReceivedSpan> database = select(spans, s -> s.attribute("db.system.name") != null);
    List<ReceivedSpan> checkoutSpans = select(spans, s -> s.name.endsWith(".getConnection"));
    assertEquals(tools.size() + database.size() + checkoutSpans.size(), spans.size(), spans.toString());

    // one span per JDBC call the application made: wrappers and drivers give no second one
    assertEquals(executions + batches + commits + rollbacks, database.size(), spans.toString());
    assertEquals(checkouts, checkoutSpans.size(), spans.toString());
    for (ReceivedSpan span : database) {
      assertEquals("SPAN_KIND_CLIENT", span.kind, span.toString());
      assertEquals(system, span.attribute("db.system.name"), span.toString());
      assertEquals(namespace, span.attribute("db.namespace"), span.toString());
      assertEquals(host, span.attribute("server.address"), span.toString());
      assertEquals(port, span.attribute("server.port"), span.toString());
      assertTrue(tools.contains(byId.get(span.parentSpanId)), "under its tool: " + span);
    }
    for (ReceivedSpan span : checkoutSpans) {
      assertEquals("HikariDataSource.getConnection", span.name);
      assertEquals(JdbcMain.POOL_NAME, span.attribute(POOL), "HikariCP's getPoolName(): " + span);
      assertTrue(tools.contains(byId.get(span.parentSpanId)), "under its tool, not under a query: " + span);
    }

    // the metrics: one operation duration per database span, one connection wait per checkout
    Path metrics = work.resolve("perf-agent-metrics.jsonl");
    assertEquals(database.size(), JsonLinesMetrics.histogramCount(metrics, "db.client.operation.duration"));
    assertEquals(checkouts, JsonLinesMetrics.histogramCount(metrics, "db.client.connection.wait_time"));
    if (pooled) {
      // the wait joins the pool's other metrics: one pool name for both
      assertEquals(Map.of(JdbcMain.POOL_NAME, (double) checkouts),
          JsonLinesMetrics.histogramCountsBy(metrics, "db.client.connection.wait_time", POOL));
      checkPoolMetrics(metrics, checkouts - timeouts);
      assertEquals(checkouts - timeouts, Integer.parseInt(counters.group(8)), "the application's tracker still told");
      assertEquals(timeouts, Integer.parseInt(counters.group(9)), "the application's tracker still told");
    } else {
      assertTrue(JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.count", POOL, POOL, JdbcMain.POOL_NAME)
          .isEmpty(), "no pool, no pool metrics");
    }

    // no literal reaches any attribute of any span
    for (ReceivedSpan span : spans) {
      String text = span.attributes.toString() + span.name;
      assertFalse(text.contains(JdbcMain.SECRET), span.toString());
      assertFalse(text.contains(String.valueOf(JdbcMain.SECRET_NUMBER)), span.toString());
    }

    ReceivedSpan literal = only(database, s -> "SELECT".equals(s.attribute("db.operation.name"))
        && String.valueOf(s.attribute("db.query.text")).contains("FROM items WHERE secret"));
    assertEquals("SELECT name FROM items WHERE secret = ? AND qty = ?", literal.attribute("db.query.text"));
    assertEquals("items", literal.attribute("db.collection.name"));
    assertEquals("SELECT items", literal.attribute("db.query.summary"));
    assertEquals("SELECT items", literal.name);
    assertEquals("literal-query", byId.get(literal.parentSpanId).attribute("gen_ai.tool.name"));

    List<ReceivedSpan> prepared = select(database,
        s -> "SELECT name, qty FROM items WHERE id = ?".equals(s.attribute("db.query.text")));
    assertEquals(2, prepared.size(), database.toString());

    ReceivedSpan batch = only(database, s -> s.attribute("db.operation.batch.size") != null);
    assertEquals(3L, batch.attribute("db.operation.batch.size"));
    assertEquals("INSERT INTO items (id, name, secret, qty) VALUES (?, ?, ?, ?)", batch.attribute("db.query.text"));
    assertEquals("BATCH INSERT", batch.attribute("db.operation.name"));
    assertEquals("BATCH INSERT items", batch.name);

    ReceivedSpan update = only(database, s -> "UPDATE".equals(s.attribute("db.operation.name")));
    ReceivedSpan commit = only(database, s -> "COMMIT".equals(s.attribute("db.operation.name")));
    assertEquals(update.parentSpanId, commit.parentSpanId, "the commit under the same tool as its update");
    assertEquals("COMMIT " + namespace, commit.name);
    ReceivedSpan rollback = only(database, s -> "ROLLBACK".equals(s.attribute("db.operation.name")));
    assertEquals("transaction", byId.get(commit.parentSpanId).attribute("gen_ai.tool.name"));
    assertEquals("rollback", byId.get(rollback.parentSpanId).attribute("gen_ai.tool.name"));
    ReceivedSpan delete = only(database, s -> "DELETE".equals(s.attribute("db.operation.name")));
    checkTransaction(commit, update, byId.get(commit.parentSpanId));
    checkTransaction(rollback, delete, byId.get(rollback.parentSpanId));
    assertEquals(2, select(spans, s -> s.attribute(TRANSACTION) != null).size(), "only commits and rollbacks");

    ReceivedSpan failed = only(database, s -> "STATUS_CODE_ERROR".equals(s.statusCode));
    assertEquals(failure, failed.attribute("error.type"), failed.toString());
    if (!failure.contains(".")) { // a SQLState, not an exception's class
      assertEquals(failure, failed.attribute("db.response.status_code"), failed.toString());
    }
    assertEquals("SELECT * FROM no_such_table WHERE secret = ?", failed.attribute("db.query.text"));
    assertNotNull(byId.get(failed.parentSpanId));
  }

  /**
   * HikariCP's state as the conventions' connection-pool metrics: the size it was configured with,
   * never more connections used and idle than that, and, while the saturating step held both, both
   * used and one checkout pending, which then timed out.
   */
  private static void checkPoolMetrics(Path metrics, int returnedCheckouts) throws Exception {
    String name = JdbcMain.POOL_NAME;
    Map<String, Long> size = Map.of(name, (long) JdbcMain.POOL_SIZE);
    List<Map<String, Long>> max = JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.max", POOL, POOL, name);
    assertFalse(max.isEmpty());
    max.forEach(m -> assertEquals(size, m));
    JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.idle.min", POOL, POOL, name)
        .forEach(m -> assertEquals(size, m, "minimumIdle defaults to the pool's size"));

    List<Map<String, Long>> counts =
        JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.count", "db.client.connection.state", POOL, name);
    for (Map<String, Long> c : counts) {
      assertEquals(Set.of("used", "idle"), c.keySet(), counts.toString());
      assertTrue(c.get("used") >= 0 && c.get("idle") >= 0, counts.toString());
      assertTrue(c.get("used") + c.get("idle") <= JdbcMain.POOL_SIZE, counts.toString());
    }
    assertTrue(counts.contains(Map.of("used", (long) JdbcMain.POOL_SIZE, "idle", 0L)), "seen full: " + counts);

    List<Map<String, Long>> pending =
        JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.pending_requests", POOL, POOL, name);
    assertTrue(pending.contains(Map.of(name, 1L)), "the waiting checkout seen: " + pending);
    pending.forEach(p -> assertTrue(p.get(name) <= 1, pending.toString()));

    List<Map<String, Long>> timeouts =
        JsonLinesMetrics.longSumsBy(metrics, "db.client.connection.timeouts", POOL, POOL, name);
    assertEquals(Map.of(name, 1L), timeouts.get(timeouts.size() - 1), timeouts.toString());

    assertEquals(returnedCheckouts, JsonLinesMetrics.histogramCount(metrics, "db.client.connection.use_time"));
    // the pool opens its first connection while it starts, before it has a metrics tracker to tell
    assertTrue(JsonLinesMetrics.histogramCount(metrics, "db.client.connection.create_time") >= JdbcMain.POOL_SIZE - 1);
  }

  /**
   * The transaction {@code end} (a commit or rollback) ended began inside its tool, at the
   * {@code setAutoCommit(false)} before {@code statement}, and ended with {@code end}.
   */
  private static void checkTransaction(ReceivedSpan end, ReceivedSpan statement, ReceivedSpan tool) {
    long nanos = Math.round((Double) end.attribute(TRANSACTION) * 1e9);
    long slack = 1_000; // the attribute is in seconds, a double
    assertTrue(nanos + slack >= end.endNanos - statement.startNanos, "began before the statement: " + end);
    assertTrue(nanos - slack <= end.endNanos - tool.startNanos, "began inside the tool: " + end);
  }

  private static List<ReceivedSpan> select(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
    return spans.stream().filter(which).collect(Collectors.toList());
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> found = select(spans, which);
    assertEquals(1, found.size(), spans.toString());
    return found.get(0);
  }
}
