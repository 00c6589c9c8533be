package dev.perfagent.agent.export;

import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQuery;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQueryAnalyzer;

/**
 * SQL with its literals replaced by {@code ?}, and what the statement does (operation, collection,
 * summary), from the OpenTelemetry instrumentation API's SQL analyzer (shaded): a maintained
 * lexer, the one the OpenTelemetry Java agent uses, with a bounded cache of analysed statements.
 * Runs on the exporter thread only.
 */
final class SqlSanitizer {
  private final SqlQueryAnalyzer analyzer = SqlQueryAnalyzer.create(true);

  /**
   * The analysed statement. In MySQL and MariaDB (and databases the agent does not know) a
   * double-quoted text can be a string literal, so it is sanitized too; elsewhere it is an identifier.
   */
  SqlQuery analyze(String sql, String system) {
    SqlDialect dialect =
        system != null && (system.equals("postgresql") || system.equals("h2database") || system.equals("sqlite")
            || system.equals("oracle.db") || system.equals("microsoft.sql_server") || system.equals("ibm.db2")
            || system.equals("derby") || system.equals("hsqldb"))
            ? SqlDialect.DOUBLE_QUOTES_ARE_IDENTIFIERS
            : SqlDialect.DOUBLE_QUOTES_ARE_STRING_LITERALS;
    return analyzer.analyzeWithSummary(sql, dialect);
  }

  /** {@code sql} without literals. */
  String sanitize(String sql, String system) {
    String text = analyze(sql, system).getQueryText();
    return text == null ? "" : text;
  }
}
