package com.acme.returns.support;

import java.util.Iterator;
import java.util.Map;

/** Renders maps, lists, strings, numbers and booleans as compact JSON (what a model would read). */
public final class Json {

  private Json() {}

  public static String render(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> entry = it.next();
        quote(out, String.valueOf(entry.getKey()));
        out.append(": ");
        write(out, entry.getValue());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value instanceof Iterable) {
      out.append('[');
      Iterator<?> it = ((Iterable<?>) value).iterator();
      while (it.hasNext()) {
        write(out, it.next());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      quote(out, value.toString());
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
