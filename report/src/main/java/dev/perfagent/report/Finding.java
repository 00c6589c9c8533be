package dev.perfagent.report;

/** One plain-language observation the data supports, about one operation. */
public final class Finding {
  /** What kind of observation. */
  public enum Kind { COLD_START, POOL_MISSES, RATE_LIMIT_RETRIES, SERIAL_CALLS, TOOL_ERRORS }

  private final Kind kind;
  private final String operation;
  private final String message;

  Finding(Kind kind, String operation, String message) {
    this.kind = kind;
    this.operation = operation;
    this.message = message;
  }

  public Kind kind() {
    return kind;
  }

  public String operation() {
    return operation;
  }

  public String message() {
    return message;
  }
}
