package dev.perfagent.bootstrap;

import java.util.Arrays;
import java.util.concurrent.CompletionStage;

/**
 * The recorder's state for one application thread: the stack of open matched calls, the context
 * inherited from work submitted on another thread, and a block of span ids. Only its own thread
 * touches it (a {@link PendingSpan} takes what it needs from a frame and leaves the thread).
 */
final class ThreadState {
  static final int MAX_DEPTH = 1024;
  private static final IdBlocks IDS = new IdBlocks();
  private static final ThreadLocal<ThreadState> CURRENT =
      new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
          return new ThreadState(Thread.currentThread(), IDS);
        }
      };

  final Thread thread;
  private final long threadId;
  /** One of the agent's own threads: nothing it does is recorded. */
  private final boolean agentThread;
  private final IdBlocks ids;
  /** Created on this thread's first aggregate-mode call, so other threads register nothing. */
  private DurationHistograms histograms;
  /** The generation's registry {@link #histograms} is registered with. */
  private AggregateHistograms histogramsOf;
  private long nextId;
  private long idLimit;
  private int depth;
  private Frame[] frames = new Frame[0];
  /** Open calls per nesting group (index: the plan's group). */
  private int[] groupDepth = new int[0];
  /**
   * The contexts adopted by submitted work running on this thread, innermost last, each with the
   * stack depth it was adopted at: a call at exactly that depth is a child of the adopted context
   * (also when the task runs inside an open call of this thread, as a pool's caller-runs policy or a
   * fork-join join that helps with other tasks does).
   */
  private TraceContext[] adopted = new TraceContext[2];
  private int[] adoptedAt = new int[2];
  private int adoptions;
  /** True while configured getters run, so that calls they make are not recorded as spans. */
  boolean readingValues;

  @SuppressWarnings("deprecation") // Thread.getId: threadId() exists only from Java 19
  ThreadState(Thread thread, IdBlocks ids) {
    this.thread = thread;
    this.threadId = thread.getId();
    this.ids = ids;
    this.agentThread = AgentThreads.isAgent();
    grow();
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  Frame push(int siteId, PointcutPlan plan, RecorderState state, long start) {
    if (readingValues | agentThread) {
      return null;
    }
    int group = plan.nestingGroup();
    if (group >= 0 && group < groupDepth.length && groupDepth[group] > 0) {
      return null; // an outer call of the same group is open: it alone makes the span
    }
    int d = depth;
    if (d == frames.length && !grow()) {
      state.stats().tooDeep.increment();
      return null;
    }
    Frame f = frames[d];
    f.siteId = siteId;
    f.plan = plan;
    f.state = state;
    TraceContext inherited = adoptedAt(d);
    if (inherited != null) {
      f.traceId = inherited.traceId;
      f.parentId = inherited.spanId;
      f.flowing = inherited.flowing;
    } else if (d > 0) {
      Frame parent = frames[d - 1];
      f.traceId = parent.traceId;
      f.parentId = parent.spanId;
      f.flowing = parent.flowing;
    } else {
      f.traceId = 0;
      f.parentId = 0;
      f.flowing = null;
    }
    if (plan.silent()) {
      // a guard is no span and takes no id: what runs inside it has the guard's parent (none: 0)
      f.spanId = f.parentId;
    } else {
      f.spanId = newId();
      if (f.parentId == 0) {
        f.traceId = f.spanId; // a root, also inside a guard that has no parent: its own trace
      }
    }
    f.start = start;
    f.context = null;
    f.truncatedMask = 0;
    f.aggregateMask = 0;
    if (f.values.length < plan.valueCount()) {
      f.values = new Object[plan.valueCount()];
    }
    if (group >= 0) {
      enterGroup(group);
    }
    depth = d + 1;
    return f;
  }

  /**
   * Reads the {@code flow-down} values of the call that just opened {@code f} (its arguments and
   * {@code this}, as they are at the start) and makes them the frame's, over those it inherited.
   */
  void flowDown(Frame f, Object self, Object a, Object b, Object c) {
    readingValues = true;
    try {
      f.flowing = f.plan.flowDown(f, self, a, b, c);
    } finally {
      readingValues = false;
    }
  }

  void pop(
      Frame f, long end, Object self, Object a, Object b, Object c, Object returned,
      Throwable thrown) {
    if (!close(f)) {
      return;
    }
    if (f.plan.endsOnCompletion() && thrown == null && returned instanceof CompletionStage) {
      endLater(f, self, a, b, c, (CompletionStage<?>) returned);
      return;
    }
    write(f, end, self, a, b, c, returned, thrown);
  }

  /**
   * As {@link #pop}, for a call whose span follows the stream of items it returned: returns what the
   * caller gets instead of {@code returned} (a wrapper of the declared return type {@code declared}
   * that ends the span when closed or consumed), or {@code returned} itself when there is nothing
   * to follow.
   */
  Object popFollowing(
      Frame f, long end, Object self, Object a, Object b, Object c, Object returned,
      Throwable thrown, Class<?> declared) {
    if (!close(f)) {
      return returned;
    }
    if (thrown != null || returned == null || !Following.canFollow(declared)) {
      write(f, end, self, a, b, c, returned, thrown);
      return returned;
    }
    stampThread(f);
    PendingSpan span = new PendingSpan(f);
    readingValues = true;
    try {
      if (Following.resultComesLater(declared)) {
        f.plan.readValues(span, PointcutPlan.CALL_VALUES, self, a, b, c, null, null); // return: what comes later
      } else {
        f.plan.readValues(span, PointcutPlan.ALL_VALUES, self, a, b, c, returned, null);
      }
      return Following.follow(span, returned, declared);
    } catch (Throwable t) {
      f.state.stats().internalErrors.increment();
      span.end(end, SpanRecord.END_RETURNED);
      return returned;
    } finally {
      readingValues = false;
    }
  }

  /**
   * For a call whose span ends when the callback it was given ends ({@code end: callback}): the span is
   * created now, since the callback may end it on any thread even before the call returns; returns the
   * stand-in for {@code callback}, of the parameter's type {@code type}, that ends it.
   */
  Object followCallback(Frame f, Object callback, Class<?> type) {
    f.awaiting = null;
    if (callback == null || !type.isInterface()) {
      return callback;
    }
    stampThread(f);
    PendingSpan span = new PendingSpan(f);
    Object standIn = FollowedHandler.wrapCallback(span, type, callback); // if this throws, nothing waits
    span.awaitCall();
    f.awaiting = span;
    return standIn;
  }

  /**
   * As {@link #pop}, for a call whose span ends with its callback: reads the call's values into the
   * span; a call that threw is recorded from its frame, as at exit, unless its callback had ended
   * already: then the span keeps the callback's end and gets the exception as its error.
   */
  void popCallback(Frame f, long end, Object self, Object a, Object b, Object c, Throwable thrown) {
    PendingSpan span = f.awaiting;
    f.awaiting = null;
    if (!close(f)) {
      if (span != null) {
        span.abandon();
      }
      return;
    }
    if (span == null || (thrown != null && span.abandon())) {
      write(f, end, self, a, b, c, null, thrown);
      return;
    }
    readingValues = true;
    try {
      f.plan.readValues(span, PointcutPlan.CALL_VALUES, self, a, b, c, null, null);
      if (thrown != null) {
        span.callThrew(FrozenError.of(thrown, f.state.freezer().maxLength(), f.state.stats()));
      }
    } finally {
      readingValues = false;
    }
    span.takeAggregates(f);
    span.callReturned();
  }

  /**
   * A Flux that {@code span} follows is being subscribed to on this thread ({@link FollowedPublisher}):
   * until {@link #leaveSubscription}, the calls made here are children of the span, and the calls of
   * its nesting group make none (the request the subscription sends is the span's).
   */
  void enterSubscription(OpenSpan span) {
    int group = span.plan.nestingGroup();
    if (group >= 0) {
      enterGroup(group);
    }
    adopt(new TraceContext(span.traceId, span.spanId, span.flowing));
  }

  void leaveSubscription(OpenSpan span) {
    leave();
    int group = span.plan.nestingGroup();
    if (group >= 0 && group < groupDepth.length && groupDepth[group] > 0) {
      groupDepth[group]--;
    }
  }

  /** The thread that made the call, as it is named now. */
  private void stampThread(Frame f) {
    f.threadName = thread.getName();
    f.threadId = threadId;
  }

  /** Closes frame {@code f} and any above it; false when it was closed already. */
  private boolean close(Frame f) {
    int d = f.depth;
    if (d >= depth) {
      return false; // the frame was already closed (an exit without a matching enter)
    }
    leaveGroups(d);
    depth = d; // also discards frames above it that never saw their exit
    return true;
  }

  private void write(
      Frame f, long end, Object self, Object a, Object b, Object c, Object returned, Throwable thrown) {
    if (f.plan.silent()) {
      return;
    }
    if (end - f.start < f.plan.minDurationNanos()) {
      f.state.stats().belowMinDuration.increment();
      return;
    }
    stampThread(f);
    FrozenError error;
    readingValues = true;
    try {
      f.plan.readValues(f, PointcutPlan.ALL_VALUES, self, a, b, c, returned, thrown);
      error = thrown == null ? null : FrozenError.of(thrown, f.state.freezer().maxLength(), f.state.stats());
    } finally {
      readingValues = false;
    }
    if (!f.state.ring().write(f, end, error, SpanRecord.END_RETURNED)) {
      f.state.stats().dropped.increment();
    }
  }

  /** The call returned a stage: its span goes on, as a {@link PendingSpan}, until it completes. */
  private void endLater(Frame f, Object self, Object a, Object b, Object c, CompletionStage<?> stage) {
    stampThread(f);
    PendingSpan span = new PendingSpan(f);
    readingValues = true;
    try {
      f.plan.readValues(span, PointcutPlan.CALL_VALUES, self, a, b, c, null, null);
      span.endOnCompletion(stage); // may end it at once, on this thread, if the stage is complete
    } finally {
      readingValues = false;
    }
  }

  /** The context of the innermost open span on this thread, or null when none is open. */
  TraceContext context() {
    if (readingValues | agentThread) {
      return null;
    }
    TraceContext inherited = adoptedAt(depth);
    if (inherited != null) {
      return inherited;
    }
    // a guard with no parent is open: no span is
    return depth > 0 && frames[depth - 1].spanId != 0 ? frames[depth - 1].context() : null;
  }

  /** The context adopted at stack depth {@code d}, if the innermost adoption was there. */
  private TraceContext adoptedAt(int d) {
    int n = adoptions;
    return n > 0 && adoptedAt[n - 1] == d ? adopted[n - 1] : null;
  }

  /**
   * Makes {@code context} the parent of the calls this thread makes next at its current depth, until
   * {@link #leave}: submitted work starts to run here.
   */
  void adopt(TraceContext context) {
    int n = adoptions;
    if (n == adopted.length) {
      adopted = Arrays.copyOf(adopted, n * 2);
      adoptedAt = Arrays.copyOf(adoptedAt, n * 2);
    }
    adopted[n] = context;
    adoptedAt[n] = depth;
    adoptions = n + 1;
  }

  /** The submitted work that adopted a context last is done. */
  void leave() {
    if (adoptions > 0) {
      adopted[--adoptions] = null;
    }
  }

  /**
   * Adds one aggregate-mode call to the slot's duration histogram and to the innermost open frame
   * (none open: the histogram only).
   */
  void aggregate(AggregateHistograms registry, int slot, long nanos) {
    if (readingValues | agentThread) {
      return;
    }
    if (histogramsOf != registry) {
      histograms = registry.register(thread);
      histogramsOf = registry;
    }
    histograms.record(slot, nanos);
    if (depth == 0) {
      return;
    }
    Frame f = frames[depth - 1];
    long[] values = f.aggregates;
    if (values == null) {
      values = new long[RecorderState.MAX_AGGREGATE_SLOTS * 4];
      f.aggregates = values;
    }
    long bit = 1L << slot;
    int i = slot * 4;
    if ((f.aggregateMask & bit) == 0) {
      f.aggregateMask |= bit;
      values[i] = 1;
      values[i + 1] = nanos;
      values[i + 2] = nanos;
      values[i + 3] = nanos;
    } else {
      values[i]++;
      values[i + 1] += nanos;
      values[i + 2] = Math.min(values[i + 2], nanos);
      values[i + 3] = Math.max(values[i + 3], nanos);
    }
  }

  long newId() {
    if (nextId == idLimit) {
      nextId = ids.nextBlock();
      idLimit = (nextId | (IdBlocks.BLOCK_SIZE - 1)) + 1;
    }
    return nextId++;
  }

  private void enterGroup(int group) {
    if (group >= groupDepth.length) {
      groupDepth = Arrays.copyOf(groupDepth, group + 1);
    }
    groupDepth[group]++;
  }

  /** Frames {@code d} and above close: their groups are no longer open. */
  private void leaveGroups(int d) {
    for (int i = depth - 1; i >= d; i--) {
      int group = frames[i].plan.nestingGroup();
      if (group >= 0) {
        groupDepth[group]--;
      }
    }
  }

  private boolean grow() {
    int n = frames.length == 0 ? 16 : frames.length * 2;
    if (n > MAX_DEPTH) {
      return false;
    }
    int old = frames.length;
    frames = Arrays.copyOf(frames, n);
    for (int i = old; i < n; i++) {
      frames[i] = new Frame(this, i);
    }
    return true;
  }
}
