package com.acme.returns.tools;

import com.acme.returns.db.Database;
import java.util.Map;

/** Looks up an order with its customer and lines. */
public final class GetOrderDetailsTool extends BaseTool {

  public GetOrderDetailsTool(Database database) {
    super(database);
  }

  @Override
  public String name() {
    return "get_order_details";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::lookUp);
  }

  private ToolResult lookUp(ToolCall call) {
    String orderId = call.requireString("order_id");
    return withConnection(c -> OrderQueries.load(c, orderId))
        .map(order -> ToolResult.ok(call, order.toMap()))
        .orElseGet(() -> ToolResult.ok(call, Map.of("order_id", orderId, "found", false)));
  }
}
