package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a value into attributes by its type: a frozen captured value (see the recorder's
 * {@code ValueFreezer}: String, boxed integers, floating point, Boolean, or a String[], long[],
 * double[] or boolean[]) or a static value from the configuration.
 */
final class AttributeValues {
  private AttributeValues() {}

  static void put(AttributesBuilder builder, String key, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      builder.put(AttributeKey.longKey(key), ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      builder.put(AttributeKey.doubleKey(key), ((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      builder.put(AttributeKey.booleanKey(key), (Boolean) value);
    } else if (value instanceof String[]) {
      builder.put(AttributeKey.stringArrayKey(key), Arrays.asList((String[]) value));
    } else if (value instanceof long[]) {
      builder.put(AttributeKey.longArrayKey(key), boxed((long[]) value));
    } else if (value instanceof double[]) {
      builder.put(AttributeKey.doubleArrayKey(key), boxed((double[]) value));
    } else if (value instanceof boolean[]) {
      builder.put(AttributeKey.booleanArrayKey(key), boxed((boolean[]) value));
    } else {
      builder.put(AttributeKey.stringKey(key), text(value));
    }
  }

  /** A frozen value as text, for span names. */
  static String text(Object value) {
    if (value instanceof String[]) {
      return Arrays.toString((String[]) value);
    } else if (value instanceof long[]) {
      return Arrays.toString((long[]) value);
    } else if (value instanceof double[]) {
      return Arrays.toString((double[]) value);
    } else if (value instanceof boolean[]) {
      return Arrays.toString((boolean[]) value);
    }
    return String.valueOf(value);
  }

  private static List<Long> boxed(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static List<Boolean> boxed(boolean[] values) {
    List<Boolean> out = new ArrayList<>(values.length);
    for (boolean v : values) {
      out.add(v);
    }
    return out;
  }
}
