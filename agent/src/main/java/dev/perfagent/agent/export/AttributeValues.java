package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
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
    if (value != null) {
      put(builder, key(key, typeOf(value)), value);
    }
  }

  /** The attribute type {@code value} is exported as (a value of a type not listed, as its text). */
  static AttributeType typeOf(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return AttributeType.LONG;
    } else if (value instanceof Double || value instanceof Float) {
      return AttributeType.DOUBLE;
    } else if (value instanceof Boolean) {
      return AttributeType.BOOLEAN;
    } else if (value instanceof String[]) {
      return AttributeType.STRING_ARRAY;
    } else if (value instanceof long[]) {
      return AttributeType.LONG_ARRAY;
    } else if (value instanceof double[]) {
      return AttributeType.DOUBLE_ARRAY;
    } else if (value instanceof boolean[]) {
      return AttributeType.BOOLEAN_ARRAY;
    }
    return AttributeType.STRING;
  }

  static AttributeKey<?> key(String name, AttributeType type) {
    switch (type) {
      case LONG:
        return AttributeKey.longKey(name);
      case DOUBLE:
        return AttributeKey.doubleKey(name);
      case BOOLEAN:
        return AttributeKey.booleanKey(name);
      case STRING_ARRAY:
        return AttributeKey.stringArrayKey(name);
      case LONG_ARRAY:
        return AttributeKey.longArrayKey(name);
      case DOUBLE_ARRAY:
        return AttributeKey.doubleArrayKey(name);
      case BOOLEAN_ARRAY:
        return AttributeKey.booleanArrayKey(name);
      default:
        return AttributeKey.stringKey(name);
    }
  }

  /** Puts non-null {@code value} under {@code key}, whose type is {@link #typeOf} the value's. */
  @SuppressWarnings("unchecked")
  static void put(AttributesBuilder builder, AttributeKey<?> key, Object value) {
    switch (key.getType()) {
      case LONG:
        builder.put((AttributeKey<Long>) key, ((Number) value).longValue());
        break;
      case DOUBLE:
        builder.put((AttributeKey<Double>) key, ((Number) value).doubleValue());
        break;
      case BOOLEAN:
        builder.put((AttributeKey<Boolean>) key, (Boolean) value);
        break;
      case STRING_ARRAY:
        builder.put((AttributeKey<List<String>>) key, Arrays.asList((String[]) value));
        break;
      case LONG_ARRAY:
        builder.put((AttributeKey<List<Long>>) key, boxed((long[]) value));
        break;
      case DOUBLE_ARRAY:
        builder.put((AttributeKey<List<Double>>) key, boxed((double[]) value));
        break;
      case BOOLEAN_ARRAY:
        builder.put((AttributeKey<List<Boolean>>) key, boxed((boolean[]) value));
        break;
      default:
        builder.put((AttributeKey<String>) key, text(value));
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
