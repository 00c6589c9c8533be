package dev.perfagent.agent.export;

import java.util.function.IntFunction;

/** Adds the recorded values of a sum capture ({@code a + b + c}); see {@code config.Capture}. */
final class Sums {
  private Sums() {}

  /**
   * The sum of the numbers among the values at {@code indexes}: a Long when all are whole numbers,
   * else a Double; null when none is a number.
   */
  static Object of(int[] indexes, IntFunction<Object> values) {
    long whole = 0;
    double fraction = 0;
    boolean any = false;
    boolean decimal = false;
    for (int index : indexes) {
      Object value = values.apply(index);
      if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        whole += ((Number) value).longValue();
        any = true;
      } else if (value instanceof Number) {
        fraction += ((Number) value).doubleValue();
        any = true;
        decimal = true;
      }
    }
    if (!any) {
      return null;
    }
    return decimal ? (Object) (whole + fraction) : (Object) whole;
  }
}
