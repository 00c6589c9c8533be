package com.acme.returns.tools;

/** A function the model can call. */
public interface Tool {

  /** The name the model uses, e.g. "get_order_details". */
  String name();

  /** Runs the call; throws when the tool fails (the agent reports the error back to the model). */
  ToolResult run(ToolCall call);
}
