package com.acme.returns.tools;

import com.acme.returns.db.Database;
import com.acme.returns.db.SeedData;
import com.acme.returns.db.Sql;
import com.acme.returns.support.SimulatedLatency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gets a prepaid shipping label from the carrier for an RMA. The carrier rejects ORD-1013 (a bad
 * address on file), so that run throws {@link LabelServiceException}: the known failure of the demo.
 */
public final class GenerateReturnLabelTool extends BaseTool {

  private static final String RMA_SQL = "SELECT order_id FROM rmas WHERE rma_number = ?";
  private static final String SAVE_LABEL_SQL =
      "UPDATE rmas SET label_tracking = ?, status = 'LABEL_SENT' WHERE rma_number = ?";

  public GenerateReturnLabelTool(Database database) {
    super(database);
  }

  @Override
  public String name() {
    return "generate_return_label";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::generate);
  }

  private ToolResult generate(ToolCall call) {
    String rmaNumber = call.requireString("rma_number");
    String orderId = withConnection(c -> Sql.queryOne(c, RMA_SQL, row -> row.getString(1),
            rmaNumber))
        .orElseThrow(() -> new IllegalArgumentException("unknown RMA " + rmaNumber));
    String tracking = requestLabel(orderId, rmaNumber);
    withConnection(c -> Sql.update(c, SAVE_LABEL_SQL, tracking, rmaNumber));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rma_number", rmaNumber);
    data.put("carrier", "UPS");
    data.put("tracking_number", tracking);
    data.put("label_url", "https://labels.acme.example/" + rmaNumber + ".pdf");
    return ToolResult.ok(call, data);
  }

  /** Stands in for the carrier's label API. */
  private static String requestLabel(String orderId, String rmaNumber) {
    int hash = rmaNumber.hashCode();
    SimulatedLatency.sleepMillis(14 + Math.floorMod(hash, 8));
    if (SeedData.LABEL_FAILURE_ORDER.equals(orderId)) {
      throw new LabelServiceException("label service rejected order " + orderId);
    }
    return String.format("1Z%010d", Math.floorMod(hash * 2654435761L, 10_000_000_000L));
  }
}
