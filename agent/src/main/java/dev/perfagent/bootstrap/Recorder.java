package dev.perfagent.bootstrap;

/**
 * Entry points of woven advice. Every method here swallows its own failures: nothing thrown by the
 * agent may reach application code.
 */
public final class Recorder {

  private static volatile RecorderState state = RecorderState.EMPTY;

  private Recorder() {}

  /** Installs a new generation: call-site plans, the ring the exporter drains, limits. */
  public static void install(RecorderState newState) {
    state = newState;
  }

  /** Installs the rule that decides which methods capture paths may call; see {@link GetterCheck}. */
  public static void checkGettersWith(GetterCheck check) {
    Accessors.use(check);
  }

  /** Installs who is told when a path step is missing on a class met at run time. */
  public static void reportMissingStepsTo(MissingSteps.Listener listener) {
    MissingSteps.use(listener);
  }

  /** The generation in force. */
  public static RecorderState state() {
    return state;
  }

  /**
   * Starts a frame for call site {@code siteId} (one woven method of one pointcut); returns it, or
   * null when the call is not recorded.
   */
  public static Frame enter(int siteId) {
    try {
      RecorderState current = state;
      PointcutPlan plan = current.plan(siteId);
      if (plan == null) {
        return null;
      }
      return ThreadState.current().push(siteId, plan, current, System.nanoTime());
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
      return null;
    }
  }

  /**
   * As {@link #enter}, for a site whose pointcut has {@code flow-down} values: they are read from
   * {@code self} and the (up to three) arguments {@code a}, {@code b}, {@code c} now, at the start
   * of the call, and flow to every span beneath it.
   */
  public static Frame enterFlowing(int siteId, Object self, Object a, Object b, Object c) {
    try {
      RecorderState current = state;
      PointcutPlan plan = current.plan(siteId);
      if (plan == null) {
        return null;
      }
      Frame f = ThreadState.current().push(siteId, plan, current, System.nanoTime());
      if (f != null) {
        f.owner.flowDown(f, self, a, b, c);
      }
      return f;
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
      return null;
    }
  }

  /**
   * Ends a call of an aggregate-mode site that started at {@code start} ({@link System#nanoTime()}):
   * no frame, no span, only counters in the enclosing call's frame.
   */
  public static void aggregate(int siteId, long start) {
    long end = System.nanoTime();
    try {
      RecorderState current = state;
      PointcutPlan plan = current.plan(siteId);
      if (plan != null && plan.aggregateSlot() >= 0) {
        ThreadState.current().aggregate(current.histograms(), plan.aggregateSlot(), end - start);
      }
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }

  /**
   * The exit of a call of a noting site (no frame, no span): notes what the site's plan says on
   * the returned object.
   */
  public static void note(int siteId, Object self, Object a, Object b, Object c, Object returned) {
    try {
      PointcutPlan plan = state.plan(siteId);
      if (plan != null && plan.noteKind() >= 0) {
        JdbcNotes.note(plan.noteKind(), self, a, b, c, returned);
      }
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }

  /**
   * The entry of a call of a pool-metrics site (HikariCP's {@code HikariPool.setMetricsTrackerFactory}):
   * returns what the pool receives instead of the metrics tracker {@code factory} it was given (null
   * when none), a proxy of the parameter's type {@code type} that reports the pool's state and still
   * uses {@code factory}; {@code factory} itself when the agent does not take part.
   */
  public static Object poolMetrics(int siteId, Object pool, Object factory, Class<?> type) {
    try {
      PointcutPlan plan = state.plan(siteId);
      if (plan != null && plan.noteKind() == JdbcNotes.POOL_METRICS && pool != null && type.isInterface()) {
        return PoolTrackerFactory.wrap(pool, factory, type);
      }
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
    return factory;
  }

  /**
   * Ends the frame opened by {@link #enter}. {@code a}, {@code b} and {@code c} are the (up to three)
   * arguments the pointcut reads, {@code returned} its return value when it reads one.
   */
  public static void exit(
      Frame frame, Object self, Object a, Object b, Object c, Object returned, Throwable thrown) {
    long end = System.nanoTime();
    if (frame == null) {
      return;
    }
    try {
      frame.owner.pop(frame, end, self, a, b, c, returned, thrown);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }

  /**
   * As {@link #exit}, for a site whose span follows the stream of items its method returns; returns
   * the value the method returns instead ({@code returned} itself when nothing is followed).
   * {@code declared} is the method's declared return type.
   */
  public static Object exitFollowing(
      Frame frame, Object self, Object a, Object b, Object c, Object returned, Throwable thrown,
      Class<?> declared) {
    long end = System.nanoTime();
    if (frame == null) {
      return returned;
    }
    try {
      return frame.owner.popFollowing(frame, end, self, a, b, c, returned, thrown, declared);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
      return returned;
    }
  }

  /**
   * For a site whose span ends when the callback its method was given ends: called right after
   * {@link #enter}, returns what the method receives instead of {@code callback} (a stand-in of the
   * parameter's declared type {@code type}), or {@code callback} itself when nothing is followed.
   */
  public static Object followCallback(Frame frame, Object callback, Class<?> type) {
    if (frame == null) {
      return callback;
    }
    try {
      return frame.owner.followCallback(frame, callback, type);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
      return callback;
    }
  }

  /** As {@link #exit}, for a site whose span ends when the callback its method was given ends. */
  public static void exitCallback(Frame frame, Object self, Object a, Object b, Object c, Throwable thrown) {
    long end = System.nanoTime();
    if (frame == null) {
      return;
    }
    try {
      frame.owner.popCallback(frame, end, self, a, b, c, thrown);
    } catch (Throwable t) {
      state.stats().internalErrors.increment();
    }
  }
}
