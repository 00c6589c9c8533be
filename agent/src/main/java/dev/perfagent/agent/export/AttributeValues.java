package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Converts a captured Java value into an attribute: integers to long, floating point to double,
 * booleans, enums by name, arrays and collections to string arrays, anything else by
 * {@code toString()}. Long strings are cut so one huge value cannot swamp an export.
 */
final class AttributeValues {
  static final int MAX_STRING_LENGTH = 4096;
  static final int MAX_ARRAY_LENGTH = 128;

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
    } else if (value instanceof Enum) {
      builder.put(AttributeKey.stringKey(key), ((Enum<?>) value).name());
    } else if (value instanceof Collection || value.getClass().isArray()) {
      builder.put(AttributeKey.stringArrayKey(key), strings(value));
    } else {
      builder.put(AttributeKey.stringKey(key), text(value));
    }
  }

  static String text(Object value) {
    String s;
    try {
      s = value instanceof Class ? ((Class<?>) value).getName() : String.valueOf(value);
    } catch (RuntimeException e) {
      s = value.getClass().getName() + " (toString failed: " + e.getClass().getSimpleName() + ")";
    }
    return s.length() > MAX_STRING_LENGTH ? s.substring(0, MAX_STRING_LENGTH) + "..." : s;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection) {
      for (Object o : (Collection<?>) value) {
        if (out.size() == MAX_ARRAY_LENGTH) {
          break;
        }
        out.add(o == null ? "" : text(o));
      }
    } else {
      int n = Math.min(Array.getLength(value), MAX_ARRAY_LENGTH);
      for (int i = 0; i < n; i++) {
        Object o = Array.get(value, i);
        out.add(o == null ? "" : text(o));
      }
    }
    return out;
  }
}
