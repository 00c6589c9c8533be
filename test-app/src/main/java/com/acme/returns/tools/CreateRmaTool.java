package com.acme.returns.tools;

import com.acme.returns.db.Database;
import com.acme.returns.db.Sql;
import com.acme.returns.support.SimulatedClock;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens a return merchandise authorization: INSERT the RMA and UPDATE the order, atomically. */
public final class CreateRmaTool extends BaseTool {

  private static final String ORDER_SQL =
      "SELECT customer_id, total FROM orders WHERE order_id = ?";
  private static final String INSERT_RMA_SQL =
      "INSERT INTO rmas (rma_number, order_id, customer_id, reason, status, refund_amount,"
          + " created_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?)";
  private static final String MARK_ORDER_SQL =
      "UPDATE orders SET return_status = 'RETURN_REQUESTED', last_rma_number = ?"
          + " WHERE order_id = ?";

  public CreateRmaTool(Database database) {
    super(database);
  }

  @Override
  public String name() {
    return "create_rma";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::create);
  }

  private ToolResult create(ToolCall call) {
    String orderId = call.requireString("order_id");
    String reason = call.optionalString("reason", "");
    String rmaNumber = "RMA-" + orderId.replace("ORD-", "") + "-" + reference(call);
    return inTransaction(c -> {
      Charge charge = Sql.queryOne(c, ORDER_SQL,
              row -> new Charge(row.getInt("customer_id"), row.getBigDecimal("total")), orderId)
          .orElseThrow(() -> new IllegalArgumentException("unknown order " + orderId));
      Sql.update(c, INSERT_RMA_SQL, rmaNumber, orderId, charge.customerId(), reason,
          charge.total(), SimulatedClock.TODAY);
      Sql.update(c, MARK_ORDER_SQL, rmaNumber, orderId);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("rma_number", rmaNumber);
      data.put("order_id", orderId);
      data.put("status", "OPEN");
      data.put("refund_amount", charge.total());
      return ToolResult.ok(call, data);
    });
  }

  private record Charge(int customerId, BigDecimal total) {}
}
