package com.acme.returns.db;

import java.sql.SQLException;

/** A unit of JDBC work. */
@FunctionalInterface
public interface SqlFunction<T, R> {
  R apply(T input) throws SQLException;
}
