package dev.perfagent.bootstrap;

/**
 * What the recorder does for the calls of one call site: which values to read, which calls to keep,
 * when the span ends and which nesting group it belongs to.
 */
public final class PointcutPlan {
  /** The span ends when the method returns or throws. */
  public static final int END_AT_EXIT = 0;
  /** The span ends when the returned {@code CompletionStage} completes. */
  public static final int END_ON_COMPLETION = 1;
  /** The span ends when the returned stream, iterator or closeable is closed or consumed. */
  public static final int END_ON_CLOSE = 2;
  /** The span ends when the callback the method was given is told the work completed or failed. */
  public static final int END_ON_CALLBACK = 3;

  /** Which values {@link #readValues} reads. */
  static final int ALL_VALUES = 0;
  static final int CALL_VALUES = 1; // this and arguments: read when the call returns
  static final int RESULT_VALUES = 2; // return and thrown: read when the span ends

  private final ValueReader[] values;
  private final boolean readsItems;
  private final long minDurationNanos;
  private final int aggregateSlot;
  private final int end;
  private final int nestingGroup;
  private final int noteKind;
  private final boolean silent;
  /** The {@code flow-down} attribute keys, and the index of the value each is read by. */
  private final String[] flowKeys;
  private final int[] flowValues;

  /** A span-mode plan that ends at exit and nests freely. */
  public PointcutPlan(ValueReader[] values, long minDurationNanos) {
    this(values, minDurationNanos, END_AT_EXIT, -1);
  }

  /**
   * A span-mode plan.
   *
   * @param end {@link #END_AT_EXIT}, {@link #END_ON_COMPLETION}, {@link #END_ON_CLOSE} or
   *     {@link #END_ON_CALLBACK}
   * @param nestingGroup -1, or the group of which only the outermost call on a thread is recorded
   */
  public PointcutPlan(ValueReader[] values, long minDurationNanos, int end, int nestingGroup) {
    this(values, minDurationNanos, end, nestingGroup, new String[0], new int[0]);
  }

  /**
   * A span-mode plan whose calls hand values down to the spans beneath them.
   *
   * @param flowKeys the attribute keys that flow down (at most {@link FlowingValues#MAX})
   * @param flowValues for each key, the index of the value (a {@code this} or argument path) it takes
   */
  public PointcutPlan(
      ValueReader[] values, long minDurationNanos, int end, int nestingGroup, String[] flowKeys, int[] flowValues) {
    this(values, minDurationNanos, -1, end, nestingGroup, flowKeys, flowValues, -1, false);
  }

  private PointcutPlan(
      ValueReader[] values, long minDurationNanos, int aggregateSlot, int end, int nestingGroup,
      String[] flowKeys, int[] flowValues, int noteKind, boolean silent) {
    if (end < END_AT_EXIT || end > END_ON_CALLBACK) {
      throw new IllegalArgumentException("end " + end);
    }
    if (flowKeys.length != flowValues.length || flowKeys.length > FlowingValues.MAX) {
      throw new IllegalArgumentException(flowKeys.length + " flowing keys for " + flowValues.length + " values");
    }
    for (int index : flowValues) {
      if (values[index].readsResult() || values[index].readsItems()) {
        throw new IllegalArgumentException("value " + index + " is not known when the call starts");
      }
    }
    this.flowKeys = flowKeys.clone();
    this.flowValues = flowValues.clone();
    this.values = values.clone();
    boolean items = false;
    for (ValueReader reader : values) {
      items |= reader.readsItems();
    }
    this.readsItems = items;
    this.minDurationNanos = minDurationNanos;
    this.aggregateSlot = aggregateSlot;
    this.end = end;
    this.nestingGroup = nestingGroup;
    this.noteKind = noteKind;
    this.silent = silent;
  }

  /**
   * An aggregate-mode plan: calls make no span; they are counted and timed in slot {@code slot} of
   * the enclosing call's frame, which reports them on its span.
   */
  public static PointcutPlan aggregate(int slot) {
    if (slot < 0 || slot >= RecorderState.MAX_AGGREGATE_SLOTS) {
      throw new IllegalArgumentException("aggregate slot " + slot);
    }
    return new PointcutPlan(new ValueReader[0], 0, slot, END_AT_EXIT, -1, new String[0], new int[0], -1, false);
  }

  /**
   * A plan whose calls make no span: at exit they note a value on an object for later calls to
   * read ({@link JdbcNotes}).
   *
   * @param kind {@link JdbcNotes#CONNECTION}, {@link JdbcNotes#STATEMENT}, {@link JdbcNotes#WRAPPER},
   *     {@link JdbcNotes#POOL_METRICS} or {@link JdbcNotes#TRANSACTION}
   */
  public static PointcutPlan note(int kind) {
    if (kind < JdbcNotes.CONNECTION || kind > JdbcNotes.TRANSACTION) {
      throw new IllegalArgumentException("note kind " + kind);
    }
    return new PointcutPlan(new ValueReader[0], 0, -1, END_AT_EXIT, -1, new String[0], new int[0], kind, false);
  }

  /**
   * A plan whose calls record nothing but open nesting group {@code nestingGroup} while they run, so
   * that calls of the group inside them make no span. A span of another group inside one has the
   * guard's parent as its own.
   */
  public static PointcutPlan guard(int nestingGroup) {
    if (nestingGroup < 0) {
      throw new IllegalArgumentException("a guard needs a nesting group");
    }
    return new PointcutPlan(
        new ValueReader[0], 0, -1, END_AT_EXIT, nestingGroup, new String[0], new int[0], -1, true);
  }

  /** True for a {@link #guard} plan: the call makes no span. */
  boolean silent() {
    return silent;
  }

  /** The kind of note a noting plan takes, else -1. */
  int noteKind() {
    return noteKind;
  }

  int aggregateSlot() {
    return aggregateSlot;
  }

  public int valueCount() {
    return values.length;
  }

  long minDurationNanos() {
    return minDurationNanos;
  }

  boolean endsOnCompletion() {
    return end == END_ON_COMPLETION;
  }

  int nestingGroup() {
    return nestingGroup;
  }

  /** Whether some value is read from each item of the returned stream ({@code chunk} paths). */
  boolean readsItems() {
    return readsItems;
  }

  /**
   * The values flowing beneath the call {@code span} just opened: its {@code flow-down} values, read
   * from {@code self} and the arguments now and frozen, over those it inherited. Never throws.
   */
  FlowingValues flowDown(OpenSpan span, Object self, Object a, Object b, Object c) {
    Object[] frozen = new Object[flowKeys.length];
    ValueFreezer freezer = span.state.flowFreezer();
    for (int i = 0; i < frozen.length; i++) {
      try {
        frozen[i] = freezer.freeze(values[flowValues[i]].read(self, a, b, c, null, null), span, -1);
      } catch (Throwable t) {
        span.state.stats().captureErrors.increment();
      }
    }
    return FlowingValues.over(span.flowing, flowKeys, frozen);
  }

  /**
   * Reads the {@code chunk} values from {@code item}, an item of the stream the span follows; a value
   * found replaces the one an earlier item gave (the last chunk carries the usage).
   */
  void readItemValues(OpenSpan span, Object item) {
    ValueReader[] v = values;
    for (int i = 0; i < v.length; i++) {
      if (v[i].readsItems()) {
        Object value;
        try {
          value = v[i].readItem(item);
        } catch (Throwable t) {
          span.state.stats().captureErrors.increment();
          continue;
        }
        if (value != null) {
          span.values[i] = span.state.freezer(v[i]).freeze(value, span, i);
        }
      }
    }
  }

  /**
   * Reads and freezes the values {@code which} selects into {@code span.values}. With
   * {@link #ALL_VALUES} the {@code chunk} values are cleared: no item has been read yet, and a
   * reused frame must not keep what an earlier call on the thread left in those slots.
   */
  void readValues(
      OpenSpan span, int which, Object self, Object a, Object b, Object c, Object returned,
      Throwable thrown) {
    ValueReader[] v = values;
    RecorderState state = span.state;
    Object[] target = span.values;
    for (int i = 0; i < v.length; i++) {
      ValueReader reader = v[i];
      if (reader.readsItems()) {
        if (which == ALL_VALUES) {
          target[i] = null;
        }
      } else if (which == ALL_VALUES || (which == RESULT_VALUES) == reader.readsResult()) {
        Object value;
        try {
          value = reader.read(self, a, b, c, returned, thrown);
        } catch (Throwable t) {
          span.state.stats().captureErrors.increment();
          value = null;
        }
        target[i] = state.freezer(reader).freeze(value, span, i);
      }
    }
  }
}
