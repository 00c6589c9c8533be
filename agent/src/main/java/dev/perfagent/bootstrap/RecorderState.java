package dev.perfagent.bootstrap;

/**
 * One immutable generation of what the recorder does: the plan of each call site (by site id; a site is one woven method of one pointcut) and the
 * ring spans go to. Swapped as a whole when pointcuts change.
 */
public final class RecorderState {
  /** Aggregate-mode pointcuts per configuration: one bit each in a frame's mask. */
  public static final int MAX_AGGREGATE_SLOTS = 64;

  static final RecorderState EMPTY = new RecorderState(new PointcutPlan[0], new SpanRing(16, 0));

  private final PointcutPlan[] plans;
  private final SpanRing ring;

  public RecorderState(PointcutPlan[] plans, SpanRing ring) {
    this.plans = plans.clone();
    this.ring = ring;
  }

  PointcutPlan plan(int id) {
    PointcutPlan[] p = plans;
    return id >= 0 && id < p.length ? p[id] : null;
  }

  public SpanRing ring() {
    return ring;
  }
}
