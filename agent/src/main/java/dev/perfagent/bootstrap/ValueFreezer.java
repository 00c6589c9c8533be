package dev.perfagent.bootstrap;

import java.util.Collection;

/**
 * Turns a captured application value into an immutable attribute value on the thread that made the
 * call: {@code String}, {@code Long}/{@code Integer}/…, {@code Double}/{@code Float},
 * {@code Boolean}, or a list of those as a {@code String[]}, {@code long[]}, {@code double[]} or
 * {@code boolean[]}. Enums become their name, classes their name, anything else its
 * {@code toString()}, called once. Strings and lists are cut at the configured limits and the cut
 * is reported. After this nothing the application owns is referenced, so a value changed by the
 * application after the call cannot change the span, and the exporter never runs application code.
 */
final class ValueFreezer {
  private final int maxLength;
  private final int maxElements;
  private final RecorderStats stats;

  ValueFreezer(int maxLength, int maxElements, RecorderStats stats) {
    this.maxLength = maxLength;
    this.maxElements = maxElements;
    this.stats = stats;
  }

  int maxLength() {
    return maxLength;
  }

  /**
   * The frozen form of {@code value}, or null when it is null or could not be read (counted). Sets
   * bit {@code index} of {@code span}'s truncation mask when the value was cut.
   */
  Object freeze(Object value, OpenSpan span, int index) {
    if (value == null) {
      return null;
    }
    // the common cases first, by exact class: one load and a few compares
    Class<?> type = value.getClass();
    if (type == String.class) {
      return cut((String) value, span, index);
    }
    if (isImmutableScalar(type) || type == JdbcNote.class) {
      return value;
    }
    return freezeOther(value, span, index);
  }

  /** Kept apart from {@link #freeze} so that its common cases stay small enough to be inlined. */
  private Object freezeOther(Object value, OpenSpan span, int index) {
    try {
      if (value instanceof Enum) {
        return ((Enum<?>) value).name();
      }
      if (value instanceof Class) {
        return ((Class<?>) value).getName();
      }
      if (value instanceof Character) {
        return value.toString();
      }
      if (value instanceof Collection) {
        return list(head((Collection<?>) value), span, index);
      }
      if (value instanceof Object[]) {
        return list((Object[]) value, span, index);
      }
      if (value.getClass().isArray()) {
        return primitiveArray(value, span, index);
      }
      return cut(String.valueOf(value), span, index);
    } catch (Throwable t) {
      stats.captureErrors.increment();
      return null;
    }
  }

  private static boolean isImmutableScalar(Class<?> type) {
    return type == Integer.class || type == Long.class || type == Boolean.class || type == Double.class
        || type == Float.class || type == Short.class || type == Byte.class;
  }

  private String cut(String s, OpenSpan span, int index) {
    return s.length() <= maxLength ? s : cutLong(s, span, index);
  }

  private String cutLong(String s, OpenSpan span, int index) {
    span.markTruncated(index);
    return s.substring(0, maxLength);
  }

  /**
   * The first elements of {@code c}, one more than are kept so that a cut is seen, without copying
   * a huge collection whole.
   */
  private Object[] head(Collection<?> c) {
    Object[] out = new Object[Math.min(c.size(), maxElements + 1)];
    int n = 0;
    for (Object e : c) {
      if (n == out.length) {
        break;
      }
      out[n++] = e;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** Homogeneous numbers and booleans keep their type; anything else becomes strings. */
  private Object list(Object[] elements, OpenSpan span, int index) {
    int n = elements.length;
    if (n > maxElements) {
      span.markTruncated(index);
      n = maxElements;
    }
    boolean integers = true;
    boolean doubles = true;
    boolean booleans = true;
    for (int i = 0; i < n; i++) {
      Object e = elements[i];
      integers &= e instanceof Long || e instanceof Integer || e instanceof Short || e instanceof Byte;
      doubles &= e instanceof Double || e instanceof Float;
      booleans &= e instanceof Boolean;
    }
    if (n > 0 && integers) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = ((Number) elements[i]).longValue();
      }
      return out;
    }
    if (n > 0 && doubles) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = ((Number) elements[i]).doubleValue();
      }
      return out;
    }
    if (n > 0 && booleans) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = (Boolean) elements[i];
      }
      return out;
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      Object e = elements[i];
      out[i] = e == null ? "" : text(e, span, index);
    }
    return out;
  }

  /** An element as text; a nested collection, map or array by its type (a list may contain itself). */
  private String text(Object element, OpenSpan span, int index) {
    if (element instanceof Collection || element instanceof java.util.Map || element.getClass().isArray()) {
      return element.getClass().getSimpleName();
    }
    Object frozen = freeze(element, span, index);
    if (frozen == null) {
      return "";
    }
    return frozen instanceof String ? (String) frozen : frozen.toString();
  }

  private Object primitiveArray(Object array, OpenSpan span, int index) {
    if (array instanceof char[]) {
      return cut(new String((char[]) array), span, index);
    }
    int length = java.lang.reflect.Array.getLength(array);
    int n = Math.min(length, maxElements);
    if (n < length) {
      span.markTruncated(index);
    }
    if (array instanceof boolean[]) {
      boolean[] out = new boolean[n];
      System.arraycopy(array, 0, out, 0, n);
      return out;
    }
    if (array instanceof double[] || array instanceof float[]) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = java.lang.reflect.Array.getDouble(array, i);
      }
      return out;
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = java.lang.reflect.Array.getLong(array, i);
    }
    return out;
  }
}
