package com.acme.returns.db;

import com.acme.returns.Counters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The returns database: embedded in-memory H2 behind a HikariCP pool. Schema and seed data are
 * written at start-up with plain {@link java.sql.Statement}s, which are deliberately not counted
 * (and not matched by a PreparedStatement pointcut); everything afterwards goes through {@link Sql}.
 */
public final class Database implements AutoCloseable {

  public static final String URL = "jdbc:h2:mem:returns;DB_CLOSE_DELAY=-1";

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static Database start(int poolSize, SeedData seed) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName("returns-db");
    config.setMaximumPoolSize(poolSize);
    HikariDataSource dataSource = new HikariDataSource(config);
    try (Connection connection = dataSource.getConnection()) {
      Schema.create(connection);
      seed.insert(connection);
    } catch (SQLException | RuntimeException e) {
      dataSource.close();
      throw new DataAccessException("could not initialise the returns database", e);
    }
    return new Database(dataSource);
  }

  /** Checks a connection out of the pool (one {@code db.pool.checkouts} count). */
  public Connection connection() throws SQLException {
    Counters.DB_POOL_CHECKOUTS.increment();
    return dataSource.getConnection();
  }

  public <T> T withConnection(SqlFunction<Connection, T> work) {
    try (Connection connection = connection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new DataAccessException(e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: commit on success, rollback on any failure. */
  public <T> T inTransaction(SqlFunction<Connection, T> work) {
    return withConnection(connection -> {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
