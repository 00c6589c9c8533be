package com.acme.returns.tools;

import com.acme.returns.Counters;
import com.acme.returns.db.Database;
import com.acme.returns.db.SqlFunction;
import java.sql.Connection;
import java.util.Locale;

/**
 * Shared plumbing of the tools: call/failure counting and database access. Each tool still
 * implements {@link Tool#run} itself (delegating to {@link #execute}), so a pointcut on
 * {@code subtype-of: Tool, method: run} finds a {@code run} method in every tool class.
 */
abstract class BaseTool implements Tool {

  /** The body of a tool. */
  @FunctionalInterface
  interface Body {
    ToolResult apply(ToolCall call);
  }

  private final Database database;

  BaseTool(Database database) {
    this.database = database;
  }

  /** Runs {@code body}, counting the call and, when it throws, the failure. */
  protected final ToolResult execute(ToolCall call, Body body) {
    Counters.TOOL_CALLS.increment();
    Counters.TOOL_CALLS_BY_NAME.increment(name());
    try {
      return body.apply(call);
    } catch (RuntimeException e) {
      Counters.TOOL_FAILURES.increment();
      throw e;
    }
  }

  protected final <T> T withConnection(SqlFunction<Connection, T> work) {
    return database.withConnection(work);
  }

  protected final <T> T inTransaction(SqlFunction<Connection, T> work) {
    return database.inTransaction(work);
  }

  /** A short, stable reference derived from the model's call id (e.g. for RMA numbers). */
  protected static String reference(ToolCall call) {
    String id = call.getId();
    return id.substring(Math.max(0, id.length() - 8)).toUpperCase(Locale.ROOT);
  }
}
