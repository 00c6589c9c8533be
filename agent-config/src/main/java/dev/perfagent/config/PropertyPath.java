package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A property path such as {@code arg0.model}, {@code return.usage.inputTokens}, {@code this.name},
 * {@code thrown.message} or {@code arg1['x-request-id']}: a root followed by zero or more steps.
 *
 * <p>A step is a Java identifier, a bracketed, quoted map key ({@code ['any key']} or {@code ["any key"]})
 * or {@link #EACH}; {@link #steps()} holds the identifier, the key text without brackets and quotes, or
 * {@link #EACH}.
 */
public final class PropertyPath {
  /**
   * The step written {@code [*]}: what follows applies to each element of a list or array, and the
   * value is the list of the results ({@code return.choices[*].finishReason}).
   */
  public static final String EACH = "[*]";

  /** Highest parameter index a path may name (the JVM allows at most 255 parameter slots). */
  static final int MAX_ARG_INDEX = 254;

  /** What a path starts from. */
  public enum Root {
    /** The instrumented object (null for static methods). */
    THIS,
    /** A method argument, see {@link #argIndex()}. */
    ARG,
    /** The return value. */
    RETURN,
    /** The exception thrown by the method. */
    THROWN,
    /**
     * Each item of the stream the call returned (a streamed LLM response's chunks): the path is read
     * on every item and the attribute keeps the last value found.
     */
    CHUNK
  }

  private final String text;
  private final Root root;
  private final int argIndex;
  private final List<String> steps;

  private PropertyPath(String text, Root root, int argIndex, List<String> steps) {
    this.text = text;
    this.root = root;
    this.argIndex = argIndex;
    this.steps = steps;
  }

  /**
   * Parses a path. Surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static PropertyPath parse(String text) {
    if (text == null || text.trim().isEmpty()) {
      throw new IllegalArgumentException("path is empty");
    }
    String t = text.trim();
    return new Parser(t).parse();
  }

  /** True when {@code text} begins with a root ({@code this}, {@code return}, {@code thrown}, {@code arg...}). */
  static boolean startsWithRoot(String text) {
    int end = 0;
    while (end < text.length() && Texts.isIdentifierPart(text.charAt(end))) {
      end++;
    }
    String first = text.substring(0, end);
    return first.equals("this") || first.equals("return") || first.equals("thrown") || first.equals("chunk")
        || first.startsWith("arg");
  }

  public Root root() {
    return root;
  }

  /** Zero-based parameter index for {@link Root#ARG}, otherwise -1. */
  public int argIndex() {
    return argIndex;
  }

  /** Steps after the root, unmodifiable. */
  public List<String> steps() {
    return steps;
  }

  /** The path as written (without surrounding whitespace). */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PropertyPath && ((PropertyPath) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Hand-written recursive-descent parser over the trimmed text. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    PropertyPath parse() {
      String rootName = identifier();
      if (rootName.isEmpty()) {
        if (s.charAt(0) == '.') {
          throw new IllegalArgumentException("path must start with this, return, thrown, chunk or argN (e.g. arg0)");
        }
        throw invalidChar();
      }
      Root root;
      int argIndex = -1;
      if (rootName.equals("this")) {
        root = Root.THIS;
      } else if (rootName.equals("return")) {
        root = Root.RETURN;
      } else if (rootName.equals("thrown")) {
        root = Root.THROWN;
      } else if (rootName.equals("chunk")) {
        root = Root.CHUNK;
      } else if (rootName.startsWith("arg") && isDigits(rootName.substring(3))) {
        root = Root.ARG;
        argIndex = argIndex(rootName.substring(3));
      } else if (rootName.equals("arg")) {
        throw new IllegalArgumentException("'arg' needs a zero-based parameter index, e.g. arg0");
      } else {
        String hint = Suggest.closest(rootName, List.of("this", "return", "thrown", "chunk"));
        throw new IllegalArgumentException("unknown root " + Texts.quote(rootName)
            + "; a path starts with this, return, thrown, chunk or argN (e.g. arg0)"
            + (hint == null ? "" : "; did you mean '" + hint + "'?"));
      }
      List<String> steps = new ArrayList<>();
      checkNoCall();
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '.') {
          pos++;
          if (pos == s.length()) {
            throw new IllegalArgumentException("path must not end with '.'");
          }
          if (s.charAt(pos) == '.') {
            throw new IllegalArgumentException("empty step ('..') at position " + (pos + 1));
          }
          if (s.charAt(pos) == '[') {
            throw new IllegalArgumentException("write a bracketed key without a dot before it: "
                + "arg0['key'], not arg0.['key']");
          }
          int start = pos;
          String step = identifier();
          if (step.isEmpty()) {
            throw invalidChar();
          }
          if (!Character.isJavaIdentifierStart(step.charAt(0))) {
            throw new IllegalArgumentException("step " + Texts.quote(step) + " at position " + (start + 1)
                + " is not a Java identifier (index access is not supported)");
          }
          steps.add(step);
          checkNoCall();
        } else if (c == '[') {
          steps.add(bracketKey());
        } else {
          throw invalidChar();
        }
      }
      return new PropertyPath(s, root, argIndex, Collections.unmodifiableList(steps));
    }

    private String identifier() {
      int start = pos;
      while (pos < s.length() && Texts.isIdentifierPart(s.charAt(pos))) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private void checkNoCall() {
      if (pos < s.length() && s.charAt(pos) == '(') {
        String fixed = MethodCallHint.rewrite(s);
        String advice = fixed == null ? "use property names, e.g. arg0.name instead of arg0.getName()"
            : "write " + Texts.shorten(fixed);
        throw new IllegalArgumentException("method calls are not allowed; " + advice);
      }
    }

    private String bracketKey() {
      int open = pos;
      if (s.startsWith(EACH, pos)) {
        pos += EACH.length();
        return EACH;
      }
      pos++;
      if (pos >= s.length() || s.charAt(pos) != '\'' && s.charAt(pos) != '"') {
        throw badBracket(open);
      }
      char quote = s.charAt(pos);
      int end = s.indexOf(quote, pos + 1);
      if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
        throw badBracket(open);
      }
      String key = s.substring(pos + 1, end);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("empty key in brackets at position " + (open + 1));
      }
      if (key.equals(EACH)) {
        throw new IllegalArgumentException("the key '" + EACH + "' is reserved; write " + EACH
            + " without quotes for each element");
      }
      pos = end + 2;
      return key;
    }

    private IllegalArgumentException badBracket(int open) {
      return new IllegalArgumentException("bad bracket syntax at position " + (open + 1)
          + "; write ['key'] or [\"key\"] (a quoted map key), or [*] for each element (index access is not supported)");
    }

    private IllegalArgumentException invalidChar() {
      return new IllegalArgumentException(
          "invalid character '" + Texts.escape(s.charAt(pos)) + "' at position " + (pos + 1));
    }

    private static boolean isDigits(String t) {
      if (t.isEmpty()) {
        return false;
      }
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) < '0' || t.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    private static int argIndex(String digits) {
      String stripped = digits.replaceFirst("^0+(?=.)", "");
      if (stripped.length() > 3 || Integer.parseInt(stripped) > MAX_ARG_INDEX) {
        throw new IllegalArgumentException(
            "parameter index " + Texts.shorten(digits) + " is out of range; use arg0 to arg" + MAX_ARG_INDEX);
      }
      if (!stripped.equals(digits)) {
        throw new IllegalArgumentException("write arg" + stripped + " without leading zeros");
      }
      return Integer.parseInt(digits);
    }
  }
}
