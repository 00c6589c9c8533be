package com.acme.returns.db;

import com.acme.returns.Counters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The returns database behind a HikariCP pool: embedded in-memory H2 by default, or any database a
 * JDBC URL names (PostgreSQL with {@code --db jdbc:postgresql://...}). Schema and seed data are
 * written in {@link #start} with plain {@link java.sql.Statement}s; everything afterwards goes
 * through {@link Sql}. Every execution, commit, rollback and checkout is counted.
 */
public final class Database implements AutoCloseable {

  public static final String H2_URL = "jdbc:h2:mem:returns;DB_CLOSE_DELAY=-1";

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens the pool on {@code url} and writes schema and seed data (one {@code db.starts} count). */
  public static Database start(String url, int poolSize, SeedData seed) {
    Counters.DB_STARTS.increment();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (url.equals(H2_URL)) {
      config.setUsername("sa");
      config.setPassword("");
    }
    config.setPoolName("returns-db");
    config.setMaximumPoolSize(poolSize);
    Database database = new Database(new HikariDataSource(config));
    try (Connection connection = database.connection()) {
      Schema.create(connection);
      seed.insert(connection);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw new DataAccessException("could not initialise the returns database", e);
    }
    return database;
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
        Counters.DB_COMMITS.increment();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        Counters.DB_ROLLBACKS.increment();
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
