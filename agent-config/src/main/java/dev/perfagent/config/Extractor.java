package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of the agent's own code that a pointcut uses where property paths cannot say what is
 * needed (YAML key {@code extract}): it notes a value on an object for later calls to read (the SQL
 * of a prepared statement, the database of a connection), or reads such notes into a span.
 */
public enum Extractor {
  /** No span: the returned connection notes the database its URL ({@code arg0}) names. */
  JDBC_CONNECTION("jdbc.connection", true),
  /** No span: the returned statement notes its SQL ({@code arg0}, if any) and its connection's database. */
  JDBC_STATEMENT("jdbc.statement", true),
  /** No span: the returned wrapper takes the note of the first argument that has one. */
  JDBC_WRAPPER("jdbc.wrapper", true),
  /**
   * No span: the metrics tracker factory a HikariCP pool is given ({@code arg0}) is wrapped, so that
   * the pool's state and its tracker's counts become the connection-pool metrics.
   */
  JDBC_POOL_METRICS("jdbc.pool-metrics", true),
  /**
   * No span: {@code setAutoCommit(arg0)} on a connection; {@code false} begins a transaction whose
   * duration the span of its commit or rollback ({@link #JDBC_TRANSACTION_END}) gets.
   */
  JDBC_TRANSACTION("jdbc.transaction", true),
  /**
   * A span with the database attributes noted on {@code this} (a statement or a connection); its SQL
   * is sanitized on the exporter thread and gives the operation, collection, summary and span name.
   */
  JDBC("jdbc", false),
  /**
   * As {@link #JDBC}, for a call that ends the transaction of {@code this} connection (commit,
   * rollback): the span also gets the transaction's duration, and the next transaction starts when
   * the call returns.
   */
  JDBC_TRANSACTION_END("jdbc.transaction-end", false),
  /**
   * A span for a checkout of a connection from {@code this} data source, with the name of its pool
   * ({@code db.client.connection.pool.name}) when the data source has one ({@code getPoolName()},
   * HikariCP's): read silently, as most data sources have none.
   */
  JDBC_POOL_CHECKOUT("jdbc.pool-checkout", false),
  /**
   * No span: a call that opens its nesting group, so that the JDBC calls a driver makes inside it
   * (the commit of {@code setAutoCommit(true)}, the query of {@code isValid}) make no span either.
   */
  JDBC_GUARD("jdbc.guard", false);

  private final String text;
  private final boolean notes;

  Extractor(String text, boolean notes) {
    this.text = text;
    this.notes = notes;
  }

  /** The name written in YAML. */
  public String text() {
    return text;
  }

  /** True when the pointcut only notes a value and records no span. */
  public boolean notes() {
    return notes;
  }

  /** True when the pointcut's span carries the database attributes noted on {@code this}. */
  public boolean readsNote() {
    return this == JDBC || this == JDBC_TRANSACTION_END;
  }

  /** True when the agent's code reads the call's first arguments and its result (notes, jdbc spans). */
  public boolean readsCall() {
    return notes() || readsNote();
  }

  /** True when the pointcut's span carries the pool name of {@code this} data source. */
  public boolean readsPoolName() {
    return this == JDBC_POOL_CHECKOUT;
  }

  /** True when the pointcut's calls only open its nesting group and record nothing. */
  public boolean guards() {
    return this == JDBC_GUARD;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Extractor e : values()) {
      names.add(e.text);
    }
    return Collections.unmodifiableList(names);
  }

  static Extractor of(String text) {
    for (Extractor e : values()) {
      if (e.text.equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException(text);
  }
}
