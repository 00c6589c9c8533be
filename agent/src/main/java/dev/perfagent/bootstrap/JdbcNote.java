package dev.perfagent.bootstrap;

/**
 * What the agent knows about a JDBC connection or statement: the database (from the connection's
 * URL, else from the driver's package) and, for a prepared statement, its SQL exactly as the
 * application gave it. Immutable and free of application objects, so it is a recorded value as it
 * is; the exporter sanitizes the SQL before anything is exported (it is never logged).
 */
public final class JdbcNote {
  /** The conventions' name for a SQL database they have no name for. */
  static final String OTHER_SQL = "other_sql";

  private final String system;
  private final String namespace;
  private final String host;
  private final int port;
  private final String sql;
  /** When the connection's transaction began ({@link System#nanoTime()}), or {@link #NO_TRANSACTION}. */
  private final long transactionStart;

  static final long NO_TRANSACTION = Long.MIN_VALUE;

  JdbcNote(String system, String namespace, String host, int port, String sql) {
    this(system, namespace, host, port, sql, NO_TRANSACTION);
  }

  private JdbcNote(String system, String namespace, String host, int port, String sql, long transactionStart) {
    this.system = system;
    this.namespace = namespace;
    this.host = host;
    this.port = port;
    this.sql = sql;
    this.transactionStart = transactionStart;
  }

  /** This database with {@code sql} (a statement's note: no transaction). */
  JdbcNote withSql(String sql) {
    return new JdbcNote(system, namespace, host, port, sql, NO_TRANSACTION);
  }

  /** This connection, in a transaction that began at {@code start} ({@link #NO_TRANSACTION}: in none the agent knows of). */
  JdbcNote inTransactionSince(long start) {
    return start == transactionStart ? this : new JdbcNote(system, namespace, host, port, sql, start);
  }

  /** True when the agent saw the connection's transaction begin. */
  public boolean inTransaction() {
    return transactionStart != NO_TRANSACTION;
  }

  /** When the connection's transaction began, as {@link System#nanoTime()}; meaningful if {@link #inTransaction}. */
  public long transactionStart() {
    return transactionStart;
  }

  /** {@code db.system.name}: postgresql, h2database, sqlite, ... */
  public String system() {
    return system;
  }

  /** {@code db.namespace}, or null. */
  public String namespace() {
    return namespace;
  }

  /** {@code server.address}, or null. */
  public String host() {
    return host;
  }

  /** {@code server.port}, or -1. */
  public int port() {
    return port;
  }

  /** The SQL the statement was prepared with, unsanitized, or null. */
  public String sql() {
    return sql;
  }

  @Override
  public String toString() {
    return "JdbcNote{" + system + "}"; // never the SQL: it may hold literals
  }
}
