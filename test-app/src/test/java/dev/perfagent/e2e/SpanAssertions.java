package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

/** Checks of one received span's attributes that the preset tests share. */
final class SpanAssertions {
  private SpanAssertions() {}

  /** The span's estimated cost is {@code expected} USD (to 1e-12). */
  static void assertCost(double expected, ReceivedSpan span) {
    Object cost = span.attribute("perf_agent.cost.usd");
    assertNotNull(cost, "a cost on " + span);
    assertEquals(expected, (Double) cost, 1e-12, span.toString());
  }

  /** The span has each of these attribute values. */
  static void assertAttributes(ReceivedSpan span, Map<String, Object> expected) {
    expected.forEach((key, value) -> assertEquals(value, span.attribute(key), key + " of " + span));
  }
}
