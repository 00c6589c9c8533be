package com.acme.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the jdbc preset adds to a query: one op is what an application does per query on a pool
 * (check a connection out, prepare, execute, read the row, close both), on H2 in memory behind
 * HikariCP, so that the database's own time is as small as it gets and the agent's share shows.
 * Run without an agent and with {@code -javaagent:...=config=bench/config/jdbc.yaml}; the
 * difference is the preset's cost: a checkout span, a note at prepare, a span per execution (SQL
 * sanitized on the exporter thread, off the timed path).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdbcCost {
  private HikariDataSource pool;
  private int id;

  @Setup
  public void setup() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, status VARCHAR(20))");
      s.execute("MERGE INTO orders KEY (id) SELECT X, 'shipped' FROM SYSTEM_RANGE(1, 100)");
    }
  }

  @TearDown
  public void close() {
    pool.close();
  }

  /**
   * A checkout and its return alone: the checkout span, the guard frames, and the two calls HikariCP
   * makes to the metrics tracker the pool metrics give it (compare with
   * bench/config/jdbc-no-pool-metrics.yaml for the tracker's share).
   */
  @Benchmark
  public boolean checkout() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return c != null;
    }
  }

  /** Checkout, prepare, execute, read one row, close: a typical query through a pool. */
  @Benchmark
  public String pooledQuery() throws SQLException {
    id = id % 100 + 1;
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
      s.setInt(1, id);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
