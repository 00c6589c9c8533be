package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A span-name template: literal text with placeholders. A placeholder is a {@link PropertyPath}
 * ({@code {this.name}}), the name of one of the pointcut's attributes or captures
 * ({@code {gen_ai.request.model}}: its value), or a built-in: {@code {class}} (simple name of the
 * instrumented class) or {@code {method}} (method name). {@code {{} and {@code }}} stand for literal
 * braces.
 */
public final class Template {
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private final String text;
  private final List<Part> parts;
  private final boolean constant;

  private Template(String text, List<Part> parts) {
    this.text = text;
    this.parts = Collections.unmodifiableList(parts);
    boolean c = true;
    for (Part p : parts) {
      c &= p.kind == Part.Kind.LITERAL;
    }
    this.constant = c;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static Template parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("template is empty");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        throw new IllegalArgumentException(
            "single '}' at position " + (i + 1) + "; write '}}' for a literal brace");
      } else if (c == '{') {
        int close = closingBrace(text, i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '{' at position " + (i + 1)
              + "; write '{{' for a literal brace");
        }
        String inner = text.substring(i + 1, close).trim();
        if (inner.isEmpty()) {
          throw new IllegalArgumentException("empty placeholder '{}' at position " + (i + 1));
        }
        if (literal.length() > 0) {
          parts.add(Part.literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(placeholder(inner, i));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(Part.literal(literal.toString()));
    }
    return new Template(text, parts);
  }

  private static Part placeholder(String inner, int position) {
    if (inner.equals("class")) {
      return new Part(Part.Kind.CLASS_NAME, null, null);
    }
    if (inner.equals("method")) {
      return new Part(Part.Kind.METHOD_NAME, null, null);
    }
    if (!PropertyPath.startsWithRoot(inner) && ATTRIBUTE_NAME.matcher(inner).matches()) {
      return new Part(Part.Kind.ATTRIBUTE, inner, null);
    }
    try {
      return new Part(Part.Kind.PATH, null, PropertyPath.parse(inner));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad placeholder {" + Texts.shorten(inner) + "} at position "
          + (position + 1) + ": " + e.getMessage()
          + ("class".equalsIgnoreCase(inner) || "method".equalsIgnoreCase(inner)
              ? " (the built-ins are {class} and {method})" : ""), e);
    }
  }

  /** Index of the '}' closing the placeholder opened at {@code open}, skipping quoted bracket keys; -1 if none. */
  private static int closingBrace(String text, int open) {
    char quote = 0;
    for (int j = open + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if ((c == '\'' || c == '"') && text.charAt(j - 1) == '[') {
        quote = c;
      } else if (c == '}') {
        return j;
      } else if (c == '{') {
        return -1;
      }
    }
    return -1;
  }

  /** The parts in order; consecutive literal text is merged into one part. Unmodifiable. */
  public List<Part> parts() {
    return parts;
  }

  /** The template as written. */
  public String text() {
    return text;
  }

  /** True when the template has only literal text (no placeholder at all, not even {class}/{method}). */
  public boolean isConstant() {
    return constant;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template && ((Template) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** One piece of a template. */
  public static final class Part {
    /** Kind of a part. */
    public enum Kind {
      /** Literal text, see {@link Part#literal()}. */
      LITERAL,
      /** A property path, see {@link Part#path()}. */
      PATH,
      /** {@code {class}}: the simple name of the instrumented class. */
      CLASS_NAME,
      /** {@code {method}}: the method name. */
      METHOD_NAME,
      /** The value of one of the pointcut's attributes or captures, named by {@link Part#literal()}. */
      ATTRIBUTE
    }

    private final Kind kind;
    private final String literal;
    private final PropertyPath path;

    private Part(Kind kind, String literal, PropertyPath path) {
      this.kind = kind;
      this.literal = literal;
      this.path = path;
    }

    static Part literal(String text) {
      return new Part(Kind.LITERAL, text, null);
    }

    public Kind kind() {
      return kind;
    }

    /** The literal text (braces already unescaped); null unless {@link Kind#LITERAL}. */
    public String literal() {
      return literal;
    }

    /** The path; null unless {@link Kind#PATH}. */
    public PropertyPath path() {
      return path;
    }

    @Override
    public String toString() {
      switch (kind) {
        case LITERAL:
          return literal;
        case PATH:
          return "{" + path.text() + "}";
        case CLASS_NAME:
          return "{class}";
        default:
          return "{method}";
      }
    }
  }
}
