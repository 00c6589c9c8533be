package dev.perfagent.bootstrap;

import java.util.Optional;

/** Reads one configured value (a property path) from the objects a call offers. */
public final class ValueReader {
  public static final int THIS = 0;
  public static final int ARG_A = 1;
  public static final int ARG_B = 2;
  public static final int ARG_C = 3;
  public static final int RETURN = 4;
  public static final int THROWN = 5;

  private final int source;
  private final PropertyStep[] steps;

  public ValueReader(int source, String[] stepNames) {
    if (source < THIS || source > THROWN) {
      throw new IllegalArgumentException("source " + source);
    }
    this.source = source;
    this.steps = new PropertyStep[stepNames.length];
    for (int i = 0; i < stepNames.length; i++) {
      steps[i] = new PropertyStep(stepNames[i]);
    }
  }

  /** True when the path starts at the result of the call ({@code return} or {@code thrown}). */
  boolean readsResult() {
    return source == RETURN || source == THROWN;
  }

  /** The value the path leads to; throws what a getter on the way throws. */
  Object read(Object self, Object a, Object b, Object c, Object returned, Throwable thrown)
      throws Throwable {
    Object value;
    switch (source) {
      case THIS: value = self; break;
      case ARG_A: value = a; break;
      case ARG_B: value = b; break;
      case ARG_C: value = c; break;
      case RETURN: value = returned; break;
      default: value = thrown; break;
    }
    for (PropertyStep step : steps) {
      if (value == null) {
        return null;
      }
      value = step.apply(value);
    }
    return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
  }
}
