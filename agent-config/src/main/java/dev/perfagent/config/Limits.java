package dev.perfagent.config;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The {@code limits:} section: bounds on what one call may record. Immutable. */
public final class Limits {
  static final int DEFAULT_VALUE_LENGTH = 4096;
  static final int MIN_VALUE_LENGTH = 16;
  static final int MAX_VALUE_LENGTH = 1_048_576;
  static final int DEFAULT_LIST_LENGTH = 128;
  static final int MIN_LIST_LENGTH = 1;
  static final int MAX_LIST_LENGTH = 65_536;
  static final long DEFAULT_OPEN_SPAN_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);
  static final int DEFAULT_NAME_LENGTH = 512;
  static final int MIN_NAME_LENGTH = 16;
  static final int MAX_NAME_LENGTH = 65_536;
  static final int DEFAULT_CLASSES_PER_POINTCUT = 500;
  static final int MIN_CLASSES_PER_POINTCUT = 1;
  static final int MAX_CLASSES_PER_POINTCUT = 100_000;

  private static final Limits DEFAULTS =
      new Limits(DEFAULT_VALUE_LENGTH, DEFAULT_LIST_LENGTH, DEFAULT_OPEN_SPAN_TIMEOUT_NANOS,
          DEFAULT_NAME_LENGTH, DEFAULT_CLASSES_PER_POINTCUT);

  private final int valueLength;
  private final int listLength;
  private final long openSpanTimeoutNanos;
  private final int nameLength;
  private final int classesPerPointcut;

  Limits(int valueLength, int listLength, long openSpanTimeoutNanos, int nameLength, int classesPerPointcut) {
    this.valueLength = valueLength;
    this.listLength = listLength;
    this.openSpanTimeoutNanos = openSpanTimeoutNanos;
    this.nameLength = nameLength;
    this.classesPerPointcut = classesPerPointcut;
  }

  /**
   * Value length 4096, list length 128, open-span timeout 10 minutes, name length 512, 500 classes
   * per pointcut.
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /** Captured strings longer than this many characters are cut (16..1048576). */
  public int valueLength() {
    return valueLength;
  }

  /** Elements kept of a captured collection or array (1..65536). */
  public int listLength() {
    return listLength;
  }

  /** A span still open after this long is ended as timed out; always more than 0. */
  public long openSpanTimeoutNanos() {
    return openSpanTimeoutNanos;
  }

  /** Span names longer than this many characters are cut (16..65536). */
  public int nameLength() {
    return nameLength;
  }

  /** The most classes one pointcut weaves; classes it matches beyond that are left alone (1..100000). */
  public int classesPerPointcut() {
    return classesPerPointcut;
  }

  @Override
  public String toString() {
    return "Limits{valueLength=" + valueLength + ", listLength=" + listLength
        + ", openSpanTimeoutNanos=" + openSpanTimeoutNanos + ", nameLength=" + nameLength
        + ", classesPerPointcut=" + classesPerPointcut + "}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Limits)) {
      return false;
    }
    Limits o = (Limits) other;
    return valueLength == o.valueLength && listLength == o.listLength && openSpanTimeoutNanos == o.openSpanTimeoutNanos && nameLength == o.nameLength && classesPerPointcut == o.classesPerPointcut;
  }

  @Override
  public int hashCode() {
    return Objects.hash(valueLength, listLength, openSpanTimeoutNanos, nameLength, classesPerPointcut);
  }
}
