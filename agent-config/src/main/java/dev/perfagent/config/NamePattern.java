package dev.perfagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A class-name or method-name pattern.
 *
 * <ul>
 *   <li>No wildcard: exact name, compared with {@code equals}.
 *   <li>{@code *}: any run of characters except {@code .} (within one package segment / simple name).
 *   <li>{@code **}: any run of characters including {@code .}; a whole segment {@code .**.} also matches a
 *       single dot, so {@code com.acme.**.tools.*} matches {@code com.acme.tools.Search}.
 * </ul>
 *
 * Class names are matched in their binary form with dots ({@code com.acme.Outer$Inner}).
 */
public final class NamePattern {
  private final String text;
  private final boolean exact;
  /** Literal text every match starts with (may be empty). */
  private final String prefix;
  /** Literal text every match ends with (may be empty). */
  private final String suffix;
  private final int minLength;
  /** How the part between prefix and suffix is matched when no regex is needed. */
  private final Fast fast;
  /** Full matcher; null when {@link #fast} decides alone. */
  private final Pattern regex;

  private enum Fast {
    /** prefix + anything (including dots) + suffix. */
    ANYTHING,
    /** prefix + anything without a dot + suffix. */
    NO_DOT,
    /** use the regex. */
    NONE
  }

  private NamePattern(String text, boolean exact, String prefix, String suffix, int minLength, Fast fast,
      Pattern regex) {
    this.text = text;
    this.exact = exact;
    this.prefix = prefix;
    this.suffix = suffix;
    this.minLength = minLength;
    this.fast = fast;
    this.regex = regex;
  }

  /**
   * Parses a pattern.
   *
   * @param allowDots true for class patterns, false for method patterns
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static NamePattern parse(String text, boolean allowDots) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("pattern is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (!allowDots) {
          throw new IllegalArgumentException("'.' is not allowed in a method name pattern");
        }
      } else if (c != '*' && !Texts.isIdentifierPart(c)) {
        throw new IllegalArgumentException("invalid character '" + Texts.escape(c) + "' at position " + (i + 1)
            + "; allowed are Java identifier characters, '.', '$' and '*'");
      }
    }
    if (text.startsWith(".")) {
      throw new IllegalArgumentException("must not start with '.'");
    }
    if (text.endsWith(".")) {
      throw new IllegalArgumentException("must not end with '.'");
    }
    if (text.contains("..")) {
      throw new IllegalArgumentException("must not contain '..' (empty name segment)");
    }
    if (text.contains("***")) {
      throw new IllegalArgumentException(
          "'***' is not allowed; use '*' (within one name segment) or '**' (across segments)");
    }
    if (text.indexOf('*') < 0) {
      return new NamePattern(text, true, text, "", text.length(), Fast.NONE, null);
    }
    return compile(text, allowDots);
  }

  private static NamePattern compile(String text, boolean allowDots) {
    List<String> tokens = tokenize(text);
    String first = tokens.get(0);
    String last = tokens.get(tokens.size() - 1);
    String prefix = isWildcard(first) ? "" : first;
    String suffix = isWildcard(last) || tokens.size() == 1 ? "" : last;
    int minLength = 0;
    int wildcards = 0;
    for (String t : tokens) {
      if (isWildcard(t)) {
        wildcards++;
      } else {
        minLength += t.length();
      }
    }
    Fast fast = Fast.NONE;
    Pattern regex = null;
    if (wildcards == 1 && (tokens.size() == 1 || tokens.size() == 2 || tokens.size() == 3 && !isWildcard(first))) {
      String w = tokens.get(isWildcard(first) ? 0 : 1);
      if (w.equals("**") || !allowDots) {
        fast = Fast.ANYTHING;
      } else if (w.equals("*")) {
        fast = Fast.NO_DOT;
      }
    }
    if (fast == Fast.NONE) {
      StringBuilder re = new StringBuilder();
      for (String t : tokens) {
        if (t.equals("*")) {
          re.append(allowDots ? "[^.]*" : ".*");
        } else if (t.equals("**")) {
          re.append(".*");
        } else if (t.equals(SEGMENTS)) {
          re.append("(?:.*\\.)?");
        } else {
          re.append(Pattern.quote(t));
        }
      }
      regex = Pattern.compile(re.toString(), Pattern.DOTALL);
    }
    return new NamePattern(text, false, prefix, suffix, minLength, fast, regex);
  }

  /** Marker token for a whole {@code **} segment: zero or more segments each followed by a dot. */
  private static final String SEGMENTS = "**.";

  private static boolean isWildcard(String token) {
    return token.equals("*") || token.equals("**") || token.equals(SEGMENTS);
  }

  /** Splits into literal runs and wildcard tokens; {@code .**.} becomes "." + SEGMENTS. */
  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    StringBuilder lit = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '*') {
        lit.append(c);
        i++;
        continue;
      }
      boolean dbl = i + 1 < text.length() && text.charAt(i + 1) == '*';
      int end = i + (dbl ? 2 : 1);
      boolean segmentStart = i == 0 || text.charAt(i - 1) == '.';
      if (dbl && segmentStart && end < text.length() && text.charAt(end) == '.') {
        if (lit.length() > 0) {
          tokens.add(lit.toString());
          lit.setLength(0);
        }
        tokens.add(SEGMENTS);
        i = end + 1;
        continue;
      }
      if (lit.length() > 0) {
        tokens.add(lit.toString());
        lit.setLength(0);
      }
      tokens.add(dbl ? "**" : "*");
      i = end;
    }
    if (lit.length() > 0) {
      tokens.add(lit.toString());
    }
    return tokens;
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** The literal text every match starts with: all of an exact pattern, empty before a wildcard. */
  public String prefix() {
    return prefix;
  }

  /** True when the pattern has no wildcard. */
  public boolean isExact() {
    return exact;
  }

  /** Whether the (binary, dotted) name matches. Null never matches. */
  public boolean matches(String name) {
    if (name == null) {
      return false;
    }
    if (exact) {
      return text.equals(name);
    }
    if (name.length() < minLength || !name.startsWith(prefix) || !name.endsWith(suffix)) {
      return false;
    }
    switch (fast) {
      case ANYTHING:
        return true;
      case NO_DOT:
        int dot = name.indexOf('.', prefix.length());
        return dot < 0 || dot >= name.length() - suffix.length();
      default:
        return regex.matcher(name).matches();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamePattern && ((NamePattern) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
