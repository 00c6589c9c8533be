package dev.perfagent.config;

/** Small text helpers for error messages. */
final class Texts {
  /** Values longer than this are shortened in messages. */
  static final int MAX_SHOWN = 60;

  private Texts() {}

  /** The text in single quotes, shortened and with control characters escaped. */
  static String quote(String text) {
    return "'" + shorten(text) + "'";
  }

  static String shorten(String text) {
    String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) : text;
    StringBuilder sb = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      sb.append(escape(shown.charAt(i)));
    }
    if (shown.length() < text.length()) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** A character as it should appear in a message. */
  static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\t':
        return "\\t";
      case '\r':
        return "\\r";
      default:
        if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
          return String.format("\\u%04x", (int) c);
        }
        return String.valueOf(c);
    }
  }

  /** "1 parameter", "2 parameters". */
  static String count(int n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }

  /** True for a character allowed inside a Java identifier (ignorable control characters excluded). */
  static boolean isIdentifierPart(char c) {
    if (c < 0x80) { // the same answer for ASCII, without the two table lookups: every start-up runs this, uncompiled
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }
    return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
  }
}
