package jdbcapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The jdbc preset's test application: the same steps against any JDBC URL, with connections from a
 * HikariCP pool or straight from the driver ({@code DriverManager}). Each step is a "tool" call
 * ({@link Tool#run}, a pointcut of the test's config) that checks a connection out and runs JDBC
 * calls; the counts of those calls are printed at the end for the test to compare with the spans.
 *
 * <pre>java jdbcapp.JdbcMain JDBC_URL hikari|direct [user [password]]</pre>
 */
public final class JdbcMain {
  /** A literal in a query that must never reach an exported attribute. */
  public static final String SECRET = "hunter2-password";
  public static final int SECRET_NUMBER = 4242;
  /** The pool's name and its size: the connection-pool metrics report them. */
  public static final String POOL_NAME = "jdbc-test";
  public static final int POOL_SIZE = 2;
  /**
   * How long a checkout waits for a connection of the full pool before it times out: the pool's
   * metrics (which HikariCP refreshes once a second) see the waiting checkout meanwhile.
   */
  static final long CHECKOUT_TIMEOUT_MILLIS = 2500;

  private static int executions;
  private static int batches;
  private static int commits;
  private static int rollbacks;
  private static int checkouts;
  private static int timeouts;
  private static String failureState = "none";

  private JdbcMain() {}

  /** The application's own HikariCP metrics tracker: counts what the pool tells it. */
  static final class CountingTrackers implements MetricsTrackerFactory {
    static int uses;
    static int timeouts;

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
      return new IMetricsTracker() {
        @Override
        public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
          uses++;
        }

        @Override
        public void recordConnectionTimeout() {
          timeouts++;
        }
      };
    }
  }

  /** The connections: a pool or the driver. */
  interface Source {
    Connection get() throws SQLException;
  }

  /** One step of work, recorded as a tool span. */
  public static final class Tool {
    private final String name;
    private final Source source;

    Tool(String name, Source source) {
      this.name = name;
      this.source = source;
    }

    public String getName() {
      return name;
    }

    public void run(Step step) throws SQLException {
      try (Connection connection = source.get()) {
        step.run(connection);
      }
    }
  }

  /** The JDBC calls of a step. */
  interface Step {
    void run(Connection connection) throws SQLException;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    boolean pooled = args[1].equals("hikari");
    Properties credentials = new Properties();
    if (args.length > 2) {
      credentials.setProperty("user", args[2]);
      credentials.setProperty("password", args.length > 3 ? args[3] : "");
    }
    HikariDataSource pool = null;
    Source source;
    if (pooled) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setDataSourceProperties(credentials);
      config.setMaximumPoolSize(POOL_SIZE);
      config.setPoolName(POOL_NAME);
      config.setConnectionTimeout(CHECKOUT_TIMEOUT_MILLIS);
      config.setMetricsTrackerFactory(new CountingTrackers()); // the agent's must not replace the application's
      pool = new HikariDataSource(config);
      HikariDataSource ds = pool;
      source = () -> {
        checkouts++;
        return ds.getConnection();
      };
    } else {
      source = () -> DriverManager.getConnection(url, credentials);
    }
    try {
      steps(source);
      if (pool != null) {
        saturate(source, pool);
      }
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
    System.out.println("counters: executions=" + executions + " batches=" + batches + " commits=" + commits
        + " rollbacks=" + rollbacks + " checkouts=" + checkouts + " failure=" + failureState + " timeouts=" + timeouts
        + " tracked-uses=" + CountingTrackers.uses + " tracked-timeouts=" + CountingTrackers.timeouts);
  }

  /**
   * Holds every connection of the pool while one more checkout waits for one, until it times out: the
   * pool's metrics show it full, with a pending request, and then one timeout.
   */
  private static void saturate(Source source, HikariDataSource pool) throws SQLException {
    new Tool("saturate", source).run(first -> {
      checkouts += 2; // the second connection, and a third that waits for one in vain
      try (Connection second = pool.getConnection(); Connection third = pool.getConnection()) {
        throw new IllegalStateException("a pool of " + POOL_SIZE + " gave a third connection");
      } catch (SQLTransientConnectionException e) {
        timeouts++;
      }
    });
  }

  private static void steps(Source source) throws SQLException {
    new Tool("create", source).run(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(100), secret VARCHAR(100), qty INT)");
        executions++;
      }
    });
    new Tool("insert", source).run(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO items (id, name, secret, qty) VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          s.setInt(1, i);
          s.setString(2, "item " + i);
          s.setString(3, SECRET);
          s.setInt(4, SECRET_NUMBER);
          s.addBatch();
        }
        s.executeBatch();
        batches++;
      }
    });
    new Tool("literal-query", source).run(c -> {
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery(
              "SELECT name FROM items WHERE secret = '" + SECRET + "' AND qty = " + SECRET_NUMBER)) {
        executions++;
        while (rows.next()) {
          rows.getString(1);
        }
      }
    });
    new Tool("prepared-query", source).run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT name, qty FROM items WHERE id = ?")) {
        for (int id = 1; id <= 2; id++) {
          s.setInt(1, id);
          try (ResultSet rows = s.executeQuery()) {
            executions++;
            rows.next();
          }
        }
      }
    });
    new Tool("transaction", source).run(c -> {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("UPDATE items SET qty = qty + 1 WHERE id = ?")) {
        s.setInt(1, 1);
        s.executeUpdate();
        executions++;
        c.commit();
        commits++;
      } finally {
        c.setAutoCommit(true);
      }
    });
    new Tool("rollback", source).run(c -> {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("DELETE FROM items WHERE id = ?")) {
        s.setInt(1, 2);
        s.executeUpdate();
        executions++;
        c.rollback();
        rollbacks++;
      } finally {
        c.setAutoCommit(true);
      }
    });
    new Tool("failure", source).run(c -> {
      try (Statement s = c.createStatement()) {
        executions++;
        s.executeQuery("SELECT * FROM no_such_table WHERE secret = '" + SECRET + "'");
      } catch (SQLException e) {
        failureState = e.getSQLState() == null ? e.getClass().getName() : e.getSQLState();
      }
    });
    new Tool("drop", source).run(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DROP TABLE items");
        executions++;
      }
    });
  }
}
