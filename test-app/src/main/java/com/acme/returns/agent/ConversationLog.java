package com.acme.returns.agent;

import com.acme.returns.db.Database;
import com.acme.returns.db.Sql;

/** Persists the turns of each conversation (escalations attach them to the ticket). */
final class ConversationLog {

  private static final String APPEND_SQL =
      "INSERT INTO conversation_logs (conversation_id, turn, role, content) VALUES (?, ?, ?, ?)";

  private final Database database;

  ConversationLog(Database database) {
    this.database = database;
  }

  void append(String conversationId, int turn, String role, String content) {
    database.withConnection(c -> Sql.update(c, APPEND_SQL, conversationId, turn, role, content));
  }
}
