package dev.perfagent.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a configuration file, with its position. Line and column are 1-based; both are 0
 * when the problem concerns the whole file (for example an unreadable file).
 */
public final class ConfigProblem implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String message;

  ConfigProblem(String source, int line, int column, String message) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.message = Objects.requireNonNull(message, "message");
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String message() {
    return message;
  }

  /** {@code "<source>:<line>:<column>: <message>"}. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConfigProblem)) {
      return false;
    }
    ConfigProblem other = (ConfigProblem) o;
    return line == other.line
        && column == other.column
        && source.equals(other.source)
        && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, column, message);
  }
}
