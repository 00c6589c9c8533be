package com.acme.returns.db;

import com.acme.returns.Counters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only way the application runs SQL after start-up: always a PreparedStatement, and exactly one
 * {@code executeQuery()} or {@code executeUpdate()} per {@code jdbc.statements} count.
 */
public final class Sql {

  private Sql() {}

  public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper,
      Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      Counters.JDBC_STATEMENTS.increment();
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  public static <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper,
      Object... params) throws SQLException {
    List<T> rows = query(connection, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public static int update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      Counters.JDBC_STATEMENTS.increment();
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }
}
