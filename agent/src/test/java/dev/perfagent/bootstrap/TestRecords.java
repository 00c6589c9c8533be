package dev.perfagent.bootstrap;

/** Ring records for the exporter's tests, which cannot write a ring themselves. */
public final class TestRecords {
  private static final PointcutPlan READS_ARG =
      new PointcutPlan(new ValueReader[] {new ValueReader(ValueReader.ARG_A, new String[0])}, 0);

  private TestRecords() {}

  /** Writes span {@code id} with the one value {@code value} into {@code ring}. */
  public static void write(SpanRing ring, long id, Object value) {
    if (!ring.write(SpanRingTest.span(READS_ARG, id, value), id * 10, null, SpanRecord.END_RETURNED)) {
      throw new IllegalStateException("the ring is full");
    }
  }
}
