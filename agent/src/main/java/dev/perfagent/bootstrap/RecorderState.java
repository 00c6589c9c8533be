package dev.perfagent.bootstrap;

/**
 * One immutable generation of what the recorder does: the plan of each call site (by site id; a
 * site is one woven method of one pointcut), the ring spans go to, how captured values are frozen,
 * the spans that outlived their call, and the generation's counters and aggregate histograms.
 * Swapped as a whole; {@link #withPlans} keeps everything but the plan table, so call sites can be
 * added while classes load.
 */
public final class RecorderState {
  /** Aggregate-mode pointcuts per configuration: one bit each in a frame's mask. */
  public static final int MAX_AGGREGATE_SLOTS = 64;
  public static final int DEFAULT_VALUE_LENGTH = 4096;
  public static final int DEFAULT_LIST_LENGTH = 128;

  static final RecorderState EMPTY = new RecorderState(new SpanRing(16, 0), DEFAULT_VALUE_LENGTH, DEFAULT_LIST_LENGTH);

  private final PointcutPlan[] plans;
  private final SpanRing ring;
  private final ValueFreezer freezer;
  private final ValueFreezer contentFreezer;
  private final ValueFreezer flowFreezer;
  private final PendingSpans pending;
  private final RecorderStats stats;
  private final AggregateHistograms histograms;

  /**
   * A generation without call sites yet.
   *
   * @param valueLength captured strings are cut at this many chars
   * @param listLength captured collections and arrays keep at most this many elements
   */
  public RecorderState(SpanRing ring, int valueLength, int listLength) {
    this(ring, valueLength, listLength, valueLength);
  }

  /**
   * A generation without call sites yet.
   *
   * @param valueLength captured strings are cut at this many chars
   * @param listLength captured collections and arrays keep at most this many elements
   * @param contentLength captured message content is cut at this many chars
   */
  public RecorderState(SpanRing ring, int valueLength, int listLength, int contentLength) {
    this(ring, valueLength, listLength, contentLength, new RecorderStats());
  }

  /** As above, counting into {@code stats}, which the agent kept before this state existed. */
  public RecorderState(SpanRing ring, int valueLength, int listLength, int contentLength, RecorderStats stats) {
    this(new PointcutPlan[0], ring, valueLength, listLength, contentLength, stats);
  }

  private RecorderState(
      PointcutPlan[] plans, SpanRing ring, int valueLength, int listLength, int contentLength,
      RecorderStats stats) {
    this(plans, ring, new ValueFreezer(valueLength, listLength, stats),
        new ValueFreezer(contentLength, listLength, stats), new PendingSpans(), stats, new AggregateHistograms());
  }

  private RecorderState(
      PointcutPlan[] plans, SpanRing ring, ValueFreezer freezer, ValueFreezer contentFreezer,
      PendingSpans pending, RecorderStats stats, AggregateHistograms histograms) {
    this.plans = plans;
    this.ring = ring;
    this.freezer = freezer;
    this.contentFreezer = contentFreezer;
    this.flowFreezer = new ValueFreezer(FlowingValues.MAX_LENGTH, FlowingValues.MAX_ELEMENTS, stats);
    this.pending = pending;
    this.stats = stats;
    this.histograms = histograms;
  }

  /** This generation with another plan table (the same ring, limits, open spans and counters). */
  public RecorderState withPlans(PointcutPlan[] newPlans) {
    return new RecorderState(newPlans.clone(), ring, freezer, contentFreezer, pending, stats, histograms);
  }

  PointcutPlan plan(int id) {
    PointcutPlan[] p = plans;
    return id >= 0 && id < p.length ? p[id] : null;
  }

  public SpanRing ring() {
    return ring;
  }

  ValueFreezer freezer() {
    return freezer;
  }

  /** The freezer of {@code reader}'s values: message content has a length of its own. */
  ValueFreezer freezer(ValueReader reader) {
    return reader.content() ? contentFreezer : freezer;
  }

  /** Freezes flowing values, cut shorter than captured ones: they become metric dimensions. */
  ValueFreezer flowFreezer() {
    return flowFreezer;
  }

  public RecorderStats stats() {
    return stats;
  }

  /** The aggregate-mode duration histograms of this generation. */
  public AggregateHistograms histograms() {
    return histograms;
  }

  /** The spans of this generation that outlived their call and have not ended yet. */
  public PendingSpans pending() {
    return pending;
  }
}
