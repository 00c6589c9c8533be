package dev.perfagent.config;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 250us}, {@code 1.5ms}, {@code 2s} or a bare {@code 0} into nanoseconds. */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµμ]*)");

  private Durations() {}

  /**
   * Nanoseconds.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  static long parseNanos(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("duration is empty; write e.g. 2ms (units: ns, us, ms, s)");
    }
    if (t.startsWith("-")) {
      throw new IllegalArgumentException("duration " + Texts.quote(t) + " must not be negative");
    }
    Matcher m = t.length() <= 40 ? DURATION.matcher(t) : null;
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "invalid duration " + Texts.quote(t) + "; write a number and a unit, e.g. 250us, 1.5ms, 2s (units: ns, us, ms, s)");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String unit = m.group(2);
    if (unit.isEmpty()) {
      if (number.signum() == 0) {
        return 0;
      }
      throw new IllegalArgumentException("duration " + Texts.quote(t) + " has no unit; write e.g. " + m.group(1)
          + "ms (units: ns, us, ms, s)");
    }
    long factor;
    switch (unit) {
      case "ns":
        factor = 1L;
        break;
      case "us":
      case "µs":
      case "μs":
        factor = 1_000L;
        break;
      case "ms":
        factor = 1_000_000L;
        break;
      case "s":
        factor = 1_000_000_000L;
        break;
      default:
        throw new IllegalArgumentException(
            "unknown unit " + Texts.quote(unit) + " in duration " + Texts.quote(t) + "; use ns, us, ms or s");
    }
    BigDecimal nanos = number.multiply(BigDecimal.valueOf(factor));
    try {
      return nanos.longValueExact();
    } catch (ArithmeticException e) {
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("duration " + Texts.quote(t) + " is too large");
      }
      throw new IllegalArgumentException(
          "duration " + Texts.quote(t) + " is not a whole number of nanoseconds");
    }
  }
}
