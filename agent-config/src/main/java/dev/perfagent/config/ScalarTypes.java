package dev.perfagent.config;

import java.util.regex.Pattern;

/** Resolves the type of a plain YAML scalar (YAML 1.2 core schema, decimal integers only). */
final class ScalarTypes {
  private static final int MAX_NUMBER_LENGTH = 400;
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private ScalarTypes() {}

  static boolean isInteger(String text) {
    return text.length() <= MAX_NUMBER_LENGTH && INTEGER.matcher(text).matches();
  }

  /**
   * Long, Double, Boolean or the text itself.
   *
   * @throws NumberFormatException for an integer that does not fit a long
   */
  static Object typed(String text) {
    Boolean bool = bool(text);
    if (bool != null) {
      return bool;
    }
    if (text.length() > MAX_NUMBER_LENGTH) {
      return text;
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }
    if (FLOAT.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    return text;
  }

  /** TRUE or FALSE for the core-schema spellings of a boolean, else null. */
  static Boolean bool(String text) {
    switch (text) {
      case "true":
      case "True":
      case "TRUE":
        return Boolean.TRUE;
      case "false":
      case "False":
      case "FALSE":
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
