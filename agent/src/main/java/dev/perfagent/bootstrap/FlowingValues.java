package dev.perfagent.bootstrap;

import java.util.Arrays;

/**
 * The values that flow down from the calls of {@code flow-down} pointcuts to every span beneath
 * them, on their thread and on the threads their work is handed to: attribute keys and frozen
 * values, innermost first, at most {@link #MAX} (the key count is the configuration's limit too).
 * Immutable, so a frame, a {@link TraceContext}, a {@link PendingSpan} and a ring record share one
 * instance: a span beneath a marking call takes its parent's reference; only the marking call itself
 * allocates one.
 */
public final class FlowingValues {
  /** Keys one span carries from above; equal to the configuration's per-pointcut limit. */
  public static final int MAX = 4;
  /** Flowing strings are cut at this many chars (they become metric dimensions). */
  public static final int MAX_LENGTH = 128;
  /** Flowing lists keep at most this many elements. */
  static final int MAX_ELEMENTS = 8;

  private final String[] keys;
  private final Object[] values;

  private FlowingValues(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * {@code outer} with {@code keys} set to {@code frozen} (same order; a null value leaves the outer
   * one for its key): the new values first, then the outer ones not overridden, up to {@link #MAX}.
   * {@code outer} itself when nothing is set. The arrays may be kept: the caller never changes them.
   */
  public static FlowingValues over(FlowingValues outer, String[] keys, Object[] frozen) {
    if (outer == null && keys.length <= MAX && noNulls(frozen)) {
      return new FlowingValues(keys, frozen); // the common case, an entry point: share both arrays
    }
    int outerSize = outer == null ? 0 : outer.keys.length;
    String[] k = new String[Math.min(MAX, keys.length + outerSize)];
    Object[] v = new Object[k.length];
    int n = 0;
    for (int i = 0; i < keys.length && n < k.length; i++) {
      if (frozen[i] != null) {
        k[n] = keys[i];
        v[n++] = frozen[i];
      }
    }
    if (n == 0) {
      return outer;
    }
    for (int i = 0; i < outerSize && n < k.length; i++) {
      if (indexOf(k, n, outer.keys[i]) < 0) {
        k[n] = outer.keys[i];
        v[n++] = outer.values[i];
      }
    }
    return new FlowingValues(n == k.length ? k : Arrays.copyOf(k, n), n == v.length ? v : Arrays.copyOf(v, n));
  }

  private static boolean noNulls(Object[] values) {
    for (Object v : values) {
      if (v == null) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(String[] keys, int n, String key) {
    for (int i = 0; i < n; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  public int size() {
    return keys.length;
  }

  public String key(int i) {
    return keys[i];
  }

  /** A frozen value (see {@link ValueFreezer}), never null. */
  public Object value(int i) {
    return values[i];
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FlowingValues{");
    for (int i = 0; i < keys.length; i++) {
      s.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
    }
    return s.append('}').toString();
  }
}
