package dev.perfagent.config;

import java.util.Set;

/** Validates exact class names and parameter type names. */
final class JavaNames {
  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
  /** Simple names people write for java.lang types; a missing package is almost certainly a mistake. */
  private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Boolean",
      "Byte", "Short", "Character", "Float", "Double", "Number", "CharSequence", "Class", "Throwable",
      "Exception", "RuntimeException", "Runnable", "Iterable", "Void", "Enum", "Record");

  private JavaNames() {}

  /**
   * Checks an exact fully qualified class name such as {@code com.acme.Outer$Inner}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  static void checkClassName(String name) {
    if (name.indexOf('*') >= 0) {
      throw new IllegalArgumentException("wildcards are not allowed here; give the exact class name");
    }
    if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      throw new IllegalArgumentException("empty name segment; expected a class name like com.acme.Tool");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean segmentStart = i == 0 || name.charAt(i - 1) == '.';
      if (c == '.') {
        continue;
      }
      if (segmentStart ? !Character.isJavaIdentifierStart(c) : !Texts.isIdentifierPart(c)) {
        throw new IllegalArgumentException("invalid character '" + Texts.escape(c) + "' at position " + (i + 1)
            + "; expected a class name like com.acme.Tool");
      }
    }
  }

  /**
   * Checks a parameter type: a primitive, or a class name, each optionally followed by {@code []}s.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  static void checkTypeName(String type) {
    if (type.endsWith("...")) {
      throw new IllegalArgumentException("write a varargs parameter as an array: "
          + Texts.quote(type.substring(0, type.length() - 3) + "[]"));
    }
    int lt = type.indexOf('<');
    if (lt > 0) {
      throw new IllegalArgumentException("type arguments are erased at runtime; write "
          + Texts.quote(type.substring(0, lt)));
    }
    String element = type;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
    }
    if (element.isEmpty()) {
      throw new IllegalArgumentException("missing type before '[]'");
    }
    if (PRIMITIVES.contains(element)) {
      return;
    }
    if (JAVA_LANG.contains(element)) {
      throw new IllegalArgumentException("use the fully qualified name: "
          + Texts.quote("java.lang." + type));
    }
    if (element.indexOf('[') >= 0 || element.indexOf(']') >= 0) {
      throw new IllegalArgumentException("array types are written like 'byte[]' or 'java.lang.String[][]'");
    }
    checkClassName(element);
  }
}
