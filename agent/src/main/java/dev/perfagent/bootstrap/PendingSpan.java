package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * A span that outlives its call: the call returned a {@code CompletionStage}, and the span ends when
 * that completes (on whichever thread completes it); or it returned a stream of items (a
 * {@code Stream}, {@code Iterator} or closeable, see {@link Following}), and the span ends when that
 * is closed or consumed to its end, counting the items. The open-span timeout or the exit of the
 * process ends it if nothing else does. Exactly one of these ends it. Created from the call's frame,
 * so everything known at the call (ids, start, argument values) is already frozen; a completed
 * stage's result is read and frozen on the completing thread.
 */
final class PendingSpan extends OpenSpan implements BiConsumer<Object, Throwable> {
  private static final VarHandle ENDED;
  private static final VarHandle ITEMS;

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(PendingSpan.class, "ended", boolean.class);
      ITEMS = MethodHandles.lookup().findVarHandle(OpenSpan.class, "items", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through ENDED
  private volatile boolean ended;
  /**
   * Set before the application sees the callback that can end this span ({@code end: callback}): the
   * callback may end the span before the call that was given it returns, and the span is then written
   * when the call returns, once the call's values are read. The fields below are guarded by this span.
   */
  private boolean awaitsCall;
  private boolean callOpen;
  private boolean endWaiting;
  private long waitingEnd;
  private FrozenError waitingError;
  private int waitingReason;
  /** The exception the call threw after the callback had ended the span. */
  private FrozenError callError;

  /** Takes over the open call of {@code frame} (the frame is reused for the next call). */
  PendingSpan(Frame frame) {
    siteId = frame.siteId;
    plan = frame.plan;
    state = frame.state;
    traceId = frame.traceId;
    spanId = frame.spanId;
    parentId = frame.parentId;
    flowing = frame.flowing;
    start = frame.start;
    values = new Object[plan.valueCount()];
    threadName = frame.threadName;
    threadId = frame.threadId;
    aggregateMask = frame.aggregateMask;
    aggregates = frame.aggregateMask == 0 ? null : frame.aggregates.clone();
  }

  /** Ends this span when {@code stage} completes. */
  void endOnCompletion(CompletionStage<?> stage) {
    state.pending().add(this);
    try {
      stage.whenComplete(this);
    } catch (Throwable t) {
      // a stage that cannot be observed: the span ends now, as if at exit
      state.stats().internalErrors.increment();
      end(System.nanoTime(), SpanRecord.END_RETURNED);
    }
  }

  /**
   * The span of a call that ends when the callback it was given completes, created when the call
   * starts: counts the callback's items from now on; {@link #callReturned} or {@link #abandon} follows.
   */
  void awaitCall() {
    awaitsCall = true;
    callOpen = true;
    followItems();
  }

  /**
   * The call returned (its values are read, its nested aggregate calls taken over): if the callback
   * ended the span meanwhile, the span is written now, with the end it had.
   */
  void callReturned() {
    FrozenError error;
    synchronized (this) {
      callOpen = false;
      if (!endWaiting) {
        return;
      }
      error = waitingError != null ? waitingError : callError;
    }
    write(waitingEnd, error, waitingReason);
  }

  /**
   * The call threw after its callback had ended the span (before {@link #callReturned}): the span,
   * not written yet, is an ERROR span with {@code error}, unless the callback reported an error of
   * its own, which came first. The application saw the call fail; the end stays the callback's.
   */
  void callThrew(FrozenError error) {
    synchronized (this) {
      callError = error;
    }
  }

  /**
   * The call threw before its callback ended the span: the span is dropped, since the call's frame
   * records the failure; false when the callback had ended it (that end is written by
   * {@link #callReturned}).
   */
  boolean abandon() {
    return claim();
  }

  /** The counts of aggregate-mode calls nested in the call, which ran after this span was created. */
  void takeAggregates(Frame frame) {
    aggregateMask = frame.aggregateMask;
    aggregates = frame.aggregateMask == 0 ? null : frame.aggregates.clone();
  }

  /**
   * The work this span times starts now, not when its call did: a Reactor {@code Flux} is returned
   * before anything happens, and sends its request when it is subscribed to. Until now the span was
   * not pending: a flux nobody subscribes to leaves no span.
   */
  void subscribed(long now) {
    start = now;
    followItems();
  }

  /** Counts the items of the stream this span follows from now on. */
  void followItems() {
    items = 0;
    state.pending().add(this);
  }

  /**
   * {@code item} of the followed stream was delivered: counted, and read by the plan's {@code chunk}
   * paths first (so that the count's atomic update publishes the values). Any thread; never throws.
   */
  void item(Object item) {
    long now = items == 0 ? System.nanoTime() : 0; // only the first item's time is kept
    if (plan.readsItems()) {
      ThreadState thread = ThreadState.current();
      boolean reading = thread.readingValues;
      thread.readingValues = true; // getters of the item make no spans
      try {
        plan.readItemValues(this, item);
      } catch (Throwable t) {
        state.stats().internalErrors.increment();
      } finally {
        thread.readingValues = reading;
      }
    }
    if ((long) ITEMS.getAndAdd(this, 1L) == 0) {
      firstItemNanos = now;
    }
  }

  /** Reading the followed stream threw {@code error}: the span ends with it. Never throws. */
  void failed(Throwable error) {
    long now = System.nanoTime();
    if (!claim()) {
      return;
    }
    try {
      finish(now, FrozenError.of(error, state.freezer().maxLength(), state.stats()), SpanRecord.END_CLOSED);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }

  /** The completion callback. Runs on the completing thread; never throws. */
  @Override
  public void accept(Object value, Throwable error) {
    long now = System.nanoTime();
    if (!claim()) {
      return;
    }
    try {
      Throwable cause = unwrap(error);
      FrozenError frozen;
      ThreadState thread = ThreadState.current();
      boolean reading = thread.readingValues;
      thread.readingValues = true; // getters of the result make no spans
      try {
        plan.readValues(this, PointcutPlan.RESULT_VALUES, null, null, null, null, value, cause);
        frozen = FrozenError.of(cause, state.freezer().maxLength(), state.stats());
      } finally {
        thread.readingValues = reading;
      }
      finish(now, frozen, SpanRecord.END_COMPLETED);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }

  /** Ends the span without a result; false when it had ended already. */
  boolean end(long now, int reason) {
    if (!claim()) {
      return false;
    }
    write(now, null, reason);
    return true;
  }

  private boolean claim() {
    if (!ENDED.compareAndSet(this, false, true)) {
      return false;
    }
    state.pending().remove(this);
    return true;
  }

  /** Writes the span, or leaves that to {@link #callReturned} while the call that was given its callback runs. */
  private void finish(long end, FrozenError error, int reason) {
    FrozenError written = error;
    if (awaitsCall) {
      synchronized (this) {
        if (callOpen) {
          waitingEnd = end;
          waitingError = error;
          waitingReason = reason;
          endWaiting = true;
          return;
        }
        if (written == null) {
          written = callError; // the call threw while this end was being claimed
        }
      }
    }
    write(end, written, reason);
  }

  private void write(long end, FrozenError error, int reason) {
    if (end - start < plan.minDurationNanos()) {
      state.stats().belowMinDuration.increment();
      return;
    }
    if (!state.ring().write(this, end, error, reason)) {
      state.stats().dropped.increment();
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    for (int i = 0; i < 4 && (e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null; i++) {
      e = e.getCause();
    }
    return e;
  }
}
