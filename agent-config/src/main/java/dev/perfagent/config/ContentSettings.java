package dev.perfagent.config;

import java.util.Objects;
/**
 * The {@code content:} section: whether the {@code content:} captures of the pointcuts (prompts,
 * completions, tool arguments and results) are read, and how long a captured piece of content may
 * be. Off unless the user opts in; {@link ContentSwitch} lets the standard variable and system
 * property win over the file. Immutable.
 */
public final class ContentSettings {
  static final int DEFAULT_MAX_LENGTH = 8192;
  static final int MIN_MAX_LENGTH = 16;
  static final int MAX_MAX_LENGTH = 1_048_576;

  private static final ContentSettings DEFAULTS = new ContentSettings(false, DEFAULT_MAX_LENGTH);

  private final boolean capture;
  private final int maxLength;

  ContentSettings(boolean capture, int maxLength) {
    this.capture = capture;
    this.maxLength = maxLength;
  }

  /** Not captured; 8192 characters when it is. */
  public static ContentSettings defaults() {
    return DEFAULTS;
  }

  /** {@code content.capture} as the file says (false when absent), before the variable and property. */
  public boolean capture() {
    return capture;
  }

  /** Captured content longer than this many characters is cut (16..1048576). */
  public int maxLength() {
    return maxLength;
  }

  @Override
  public String toString() {
    return "ContentSettings{capture=" + capture + ", maxLength=" + maxLength + "}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ContentSettings)) {
      return false;
    }
    ContentSettings o = (ContentSettings) other;
    return capture == o.capture && maxLength == o.maxLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(capture, maxLength);
  }
}
