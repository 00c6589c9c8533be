package dev.perfagent.config;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@code capture:} entry reads: one property path; the sum of several, written
 * {@code a + b + c} (Anthropic's input tokens are its input, cache-read and cache-creation tokens
 * together); the first of several that has a value, written {@code a | b} (a union type whose value
 * sits in one of several accessors); or a list of the values of several, written as a YAML sequence
 * {@code [a, b]} (an attribute the conventions type as an array, such as finish reasons, from an SDK
 * that reports one value). In a sum a path without a value counts as nothing, in a list it is left
 * out; a sum, a choice or a list whose paths all lack a value gives no attribute.
 */
public final class Capture {
  /** How the terms combine. */
  public enum Kind {
    PATH, SUM, FIRST, LIST
  }

  private final String text;
  private final Kind kind;
  private final List<PropertyPath> terms;

  private Capture(String text, Kind kind, List<PropertyPath> terms) {
    this.text = text;
    this.kind = kind;
    this.terms = Collections.unmodifiableList(terms);
  }

  /**
   * Parses {@code path}, {@code path + path + ...} or {@code path | path | ...}.
   *
   * @throws IllegalArgumentException saying what is wrong, and in which term
   */
  public static Capture parse(String text) {
    boolean sum = text.indexOf('+') >= 0;
    boolean first = text.indexOf('|') >= 0;
    if (sum && first) {
      throw new IllegalArgumentException("a capture is a sum (a + b) or a choice (a | b), not both");
    }
    Kind kind = sum ? Kind.SUM : first ? Kind.FIRST : Kind.PATH;
    String[] parts = text.split(sum ? "\\+" : "\\|", -1);
    List<PropertyPath> terms = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].trim().isEmpty() && parts.length > 1) {
        throw new IllegalArgumentException("a path is needed on each side of '" + (sum ? '+' : '|') + "'");
      }
      try {
        terms.add(PropertyPath.parse(parts[i]));
      } catch (IllegalArgumentException e) {
        throw parts.length == 1 ? e
            : new IllegalArgumentException("term " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Capture(text.trim(), kind, terms);
  }

  /**
   * Parses the items of a YAML sequence, each a single path.
   *
   * @throws IllegalArgumentException saying what is wrong, and in which item
   */
  public static Capture list(List<String> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("a list needs at least one path");
    }
    List<PropertyPath> terms = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        terms.add(PropertyPath.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Capture("[" + String.join(", ", texts) + "]", Kind.LIST, terms);
  }

  /** The paths read: one, or the terms of a sum, a choice or a list. */
  public List<PropertyPath> terms() {
    return terms;
  }

  public Kind kind() {
    return kind;
  }

  /** The path of a capture that is a single path. */
  public PropertyPath path() {
    if (kind != Kind.PATH) {
      throw new IllegalStateException(text + " is not a single path");
    }
    return terms.get(0);
  }

  @Override
  public String toString() {
    return text;
  }

  /** Equal when the same paths combine the same way, however the text is spaced. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Capture)) {
      return false;
    }
    Capture o = (Capture) other;
    return kind == o.kind && Objects.equals(terms, o.terms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, terms);
  }
}
