package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.JdbcNote;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQuery;
import java.util.Locale;

/**
 * The database attributes and name of a span of an {@code extract: jdbc} pointcut, following the
 * stable database conventions, from what the call recorded: the note of its statement or connection
 * (database, SQL given at prepare time), the SQL passed to the call itself, the length of the array
 * {@code executeBatch} returned, and the SQLState of the exception. Runs on the exporter thread.
 */
final class DatabaseSpans {
  static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");
  private static final AttributeKey<String> SUMMARY = AttributeKey.stringKey("db.query.summary");
  private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");
  private static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey("db.response.status_code");
  /** The agent's own: the conventions have no attribute for it. */
  static final AttributeKey<Double> TRANSACTION_DURATION = AttributeKey.doubleKey("perf_agent.db.transaction.duration");

  private final SqlSanitizer sanitizer;

  DatabaseSpans(SqlSanitizer sanitizer) {
    this.sanitizer = sanitizer;
  }

  /**
   * Puts the span's database attributes into {@code attributes} (replacing a captured
   * {@code db.query.text} with its sanitized form) and returns the span's name.
   *
   * @param note the recorded note of {@code this}, or null
   * @param capturedSql the SQL the call was given ({@code db.query.text} captured), or null
   * @param batchLength the length of the returned array, or null
   * @param operation the pointcut's constant {@code db.operation.name} (COMMIT ...), or null
   * @param failed whether the call threw
   */
  String complete(
      AttributesBuilder attributes, JdbcNote note, String capturedSql, Integer batchLength,
      String operation, String statusCode, boolean failed) {
    String system = note == null ? null : note.system();
    String namespace = note == null ? null : note.namespace();
    if (note != null) {
      attributes.put(SYSTEM, system);
      putIfPresent(attributes, NAMESPACE, namespace);
      putIfPresent(attributes, SERVER, note.host());
      if (note.port() > 0) {
        attributes.put(PORT, note.port());
      }
    }
    if (failed && statusCode != null) {
      attributes.put(SpanAssembler.ERROR_TYPE, statusCode);
    }
    String sql = capturedSql != null ? capturedSql : note == null ? null : note.sql();
    if (sql != null && sql.isBlank()) {
      sql = null;
    }
    boolean batch = batchLength != null && batchLength >= 2;
    if (batch) {
      attributes.put(BATCH_SIZE, batchLength.longValue());
    }
    if (sql == null) {
      attributes.remove(QUERY_TEXT);
      String name = operation != null ? operation : system;
      return name == null ? "jdbc" : namespace == null || operation == null ? name : name + " " + namespace;
    }
    SqlQuery query = sanitizer.analyze(sql, system);
    attributes.put(QUERY_TEXT, query.getQueryText() == null ? "" : query.getQueryText());
    String op = query.getOperationName();
    String collection = query.getCollectionName();
    putIfPresent(attributes, OPERATION, batch && op != null ? "BATCH " + op : op);
    putIfPresent(attributes, COLLECTION, collection);
    String summary = query.getQuerySummary();
    if (summary != null) {
      summary = batch ? "BATCH " + summary : summary;
      attributes.put(SUMMARY, summary);
      return summary;
    }
    if (op != null) {
      return collection == null ? op : op + " " + collection;
    }
    return system == null ? "jdbc" : system.toLowerCase(Locale.ROOT);
  }

  /**
   * Puts the duration in seconds of the transaction a commit or rollback ended at {@code endNanos}
   * ({@link System#nanoTime()}), when the agent saw it begin ({@code extract: jdbc.transaction-end}).
   */
  static void transaction(AttributesBuilder attributes, JdbcNote note, long endNanos) {
    if (note != null && note.inTransaction()) {
      attributes.put(TRANSACTION_DURATION, Math.max(0, endNanos - note.transactionStart()) / 1e9);
    }
  }

  private static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
