package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "0ms, 0",
      "0.0, 0",
      "7ns, 7",
      "250us, 250000",
      "250µs, 250000",
      "2ms, 2000000",
      "1.5ms, 1500000",
      "2s, 2000000000",
      "0.25s, 250000000",
      "'3 ms', 3000000",
      "9223372036ms, 9223372036000000",
  })
  void valid(String text, long nanos) {
    assertEquals(nanos, Durations.parseNanos(text));
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text)).getMessage();
  }

  @Test
  void invalid() {
    assertEquals("duration '-5ms' must not be negative", error("-5ms"));
    assertEquals("duration '5' has no unit; write e.g. 5ms (units: ns, us, ms, s)", error("5"));
    assertEquals("unknown unit 'sec' in duration '5sec'; use ns, us, ms or s", error("5sec"));
    assertEquals("unknown unit 'm' in duration '1m'; use ns, us, ms or s", error("1m"));
    assertEquals("unknown unit 'MS' in duration '1MS'; use ns, us, ms or s", error("1MS"));
    assertEquals("invalid duration 'fast'; write a number and a unit, e.g. 250us, 1.5ms, 2s"
        + " (units: ns, us, ms, s)", error("fast"));
    assertEquals("invalid duration '.5ms'; write a number and a unit, e.g. 250us, 1.5ms, 2s"
        + " (units: ns, us, ms, s)", error(".5ms"));
    assertEquals("duration '1.5ns' is not a whole number of nanoseconds", error("1.5ns"));
    assertEquals("duration '9999999999s' is too large", error("9999999999s"));
    assertEquals("duration is empty; write e.g. 2ms (units: ns, us, ms, s)", error(" "));
  }
}
