package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@code capture:} entry reads: one property path, or the sum of several written
 * {@code a + b + c} (Anthropic's input tokens are its input, cache-read and cache-creation tokens
 * together). A sum adds the numbers its paths lead to; a path without a value counts as nothing, and
 * a sum whose paths all lack a value gives no attribute.
 */
public final class Capture {
  private final String text;
  private final List<PropertyPath> terms;

  private Capture(String text, List<PropertyPath> terms) {
    this.text = text;
    this.terms = Collections.unmodifiableList(terms);
  }

  /**
   * Parses {@code path} or {@code path + path + ...}.
   *
   * @throws IllegalArgumentException saying what is wrong, and in which term of a sum
   */
  public static Capture parse(String text) {
    String[] parts = text.split("\\+", -1);
    List<PropertyPath> terms = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].trim().isEmpty() && parts.length > 1) {
        throw new IllegalArgumentException("a sum needs a path on each side of '+'");
      }
      try {
        terms.add(PropertyPath.parse(parts[i]));
      } catch (IllegalArgumentException e) {
        throw parts.length == 1 ? e
            : new IllegalArgumentException("term " + (i + 1) + " of the sum: " + e.getMessage(), e);
      }
    }
    return new Capture(text.trim(), terms);
  }

  /** The paths read: one, or the terms of a sum. */
  public List<PropertyPath> terms() {
    return terms;
  }

  /** The path of a capture that is not a sum. */
  public PropertyPath path() {
    if (isSum()) {
      throw new IllegalStateException(text + " is a sum");
    }
    return terms.get(0);
  }

  public boolean isSum() {
    return terms.size() > 1;
  }

  @Override
  public String toString() {
    return text;
  }
}
