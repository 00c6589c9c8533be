package com.acme.returns.tools;

import com.acme.returns.db.Database;
import com.acme.returns.db.Sql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands the conversation to a human: a ticket with a transcript summary; the RMA (if any) is parked. */
public final class EscalateToHumanTool extends BaseTool {

  private static final int SUMMARY_LIMIT = 1500;
  private static final String TRANSCRIPT_SQL =
      "SELECT role, content FROM conversation_logs WHERE conversation_id = ? ORDER BY turn";
  private static final String PARK_RMA_SQL =
      "UPDATE rmas SET status = 'ESCALATED' WHERE rma_number = ?";
  private static final String TICKET_SQL =
      "INSERT INTO tickets (ticket_number, conversation_id, order_id, rma_number, priority, queue,"
          + " summary) VALUES (?, ?, ?, ?, ?, ?, ?)";

  public EscalateToHumanTool(Database database) {
    super(database);
  }

  @Override
  public String name() {
    return "escalate_to_human";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::escalate);
  }

  private ToolResult escalate(ToolCall call) {
    String conversationId = call.requireString("conversation_id");
    String reason = call.requireString("reason");
    String orderId = call.optionalString("order_id", null);
    String rmaNumber = call.optionalString("rma_number", null);
    String priority = call.optionalString("priority", "normal");
    String queue = "high".equals(priority) ? "trust-and-safety" : "returns-tier2";
    String ticketNumber = "TCK-" + reference(call);
    return inTransaction(c -> {
      List<String> transcript = Sql.query(c, TRANSCRIPT_SQL,
          row -> row.getString("role") + ": " + row.getString("content"), conversationId);
      if (rmaNumber != null) {
        Sql.update(c, PARK_RMA_SQL, rmaNumber);
      }
      Sql.update(c, TICKET_SQL, ticketNumber, conversationId, orderId, rmaNumber, priority, queue,
          summarize(reason, transcript));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("ticket_number", ticketNumber);
      data.put("queue", queue);
      data.put("priority", priority);
      data.put("transcript_turns", transcript.size());
      return ToolResult.ok(call, data);
    });
  }

  private static String summarize(String reason, List<String> transcript) {
    StringBuilder summary = new StringBuilder("Escalated: ").append(reason);
    for (String turn : transcript) {
      summary.append('\n').append(turn);
    }
    return summary.length() <= SUMMARY_LIMIT ? summary.toString()
        : summary.substring(0, SUMMARY_LIMIT - 3) + "...";
  }
}
