package dev.perfagent.agent.weave;

/**
 * What the weaver adds to one method of one pointcut: which {@code Recorder} call at its start,
 * which at its ends, and with which of the method's values ({@link AdviceCode} writes them).
 */
final class MethodAdvice {
  /** The call at the start of the method. */
  enum Enter {
    NONE,
    /** {@code frame = Recorder.enter(site)} */
    SPAN,
    /** {@code frame = Recorder.enterFlowing(site, this, a, b, c)} */
    FLOWING,
    /** as {@link #FLOWING}, then {@code callback = (T) Recorder.followCallback(frame, callback, T.class)} */
    CALLBACK,
    /** {@code start = System.nanoTime()} */
    TIMER,
    /** {@code arg0 = (T) Recorder.poolMetrics(site, this, arg0, T.class)} */
    POOL_METRICS
  }

  /** The call at each end of the method: each return, and (but for {@link #NOTE}) each exception thrown. */
  enum Exit {
    NONE,
    /** {@code Recorder.exit(frame, this, a, b, c, returned or null, thrown)} */
    SPAN,
    /** {@code returned = (R) Recorder.exitFollowing(frame, this, a, b, c, returned, thrown, R.class)} */
    FOLLOWING,
    /** {@code Recorder.exitCallback(frame, this, a, b, c, thrown)} */
    CALLBACK,
    /** {@code Recorder.aggregate(site, start)} */
    AGGREGATE,
    /** {@code Recorder.note(site, this, a, b, c, returned)}, at returns only */
    NOTE
  }

  final Enter enter;
  final Exit exit;
  final int site;
  /** The parameters passed as {@code a}, {@code b}, {@code c}: indexes, -1 for null. */
  final int[] arguments;
  /** For {@link Exit#SPAN}: whether the returned value is passed (else null). */
  final boolean passesReturn;
  /** For {@link Enter#CALLBACK}: the index of the callback parameter. */
  final int callback;

  MethodAdvice(Enter enter, Exit exit, int site, int[] arguments, boolean passesReturn, int callback) {
    this.enter = enter;
    this.exit = exit;
    this.site = site;
    this.arguments = arguments.clone();
    this.passesReturn = passesReturn;
    this.callback = callback;
  }

  /** Whether the enter call leaves a {@code Frame} for the exit. */
  boolean opensFrame() {
    return enter == Enter.SPAN || enter == Enter.FLOWING || enter == Enter.CALLBACK;
  }

  /** Whether the exit is given {@code this} and the arguments, as they were when the method started. */
  boolean exitReadsValues() {
    return exit == Exit.SPAN || exit == Exit.FOLLOWING || exit == Exit.CALLBACK || exit == Exit.NOTE;
  }

  /** Whether the exit runs when the method throws too. */
  boolean exitsOnThrow() {
    return exit != Exit.NONE && exit != Exit.NOTE;
  }

  /** Whether a call passes a class constant ({@code T.class}), which class files before Java 5 cannot hold. */
  boolean needsClassConstant() {
    return enter == Enter.CALLBACK || enter == Enter.POOL_METRICS || exit == Exit.FOLLOWING;
  }
}
