package dev.perfagent.bootstrap;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads one configured value (a property path) from the objects a call offers. */
public final class ValueReader {
  public static final int THIS = 0;
  public static final int ARG_A = 1;
  public static final int ARG_B = 2;
  public static final int ARG_C = 3;
  public static final int RETURN = 4;
  public static final int THROWN = 5;
  /** Each item of the stream the call returned; read by {@link #readItem}. */
  public static final int CHUNK = 6;
  /**
   * The {@link JdbcNote} of {@code this} (a statement or connection), with the SQL the call was
   * given when its first argument is a string ({@code execute(sql)}); takes no steps.
   */
  public static final int JDBC_NOTE = 7;
  /** The length of the array the call returned (the counts {@code executeBatch} returns); takes no steps. */
  public static final int RETURN_LENGTH = 8;
  /**
   * As {@link #JDBC_NOTE}, for a call that ends the transaction of {@code this} (a connection's
   * commit or rollback): the note has the transaction's start, and the next transaction starts now.
   */
  public static final int JDBC_TRANSACTION_END = 9;

  /** The step name that applies the rest of the path to each element (config's PropertyPath.EACH). */
  public static final String EACH = "[*]";
  /** Elements a {@link #EACH} step looks at, at most. */
  static final int MAX_ELEMENTS = 1024;

  private final int source;
  private final PropertyStep[] steps; // null where the path says EACH
  private final boolean content;

  public ValueReader(int source, String[] stepNames) {
    this(source, stepNames, null);
  }

  /**
   * @param label names the path where a step is missing on some class ({@link MissingSteps}); null
   *     reports nothing
   */
  public ValueReader(int source, String[] stepNames, String label) {
    this(source, stepNames, label, false);
  }

  /**
   * @param content the value is message content, frozen to the content length
   *     ({@link RecorderState#contentFreezer})
   */
  public ValueReader(int source, String[] stepNames, String label, boolean content) {
    this.content = content;
    if (source < THIS || source > JDBC_TRANSACTION_END) {
      throw new IllegalArgumentException("source " + source);
    }
    this.source = source;
    this.steps = new PropertyStep[stepNames.length];
    for (int i = 0; i < stepNames.length; i++) {
      steps[i] = stepNames[i].equals(EACH) ? null : new PropertyStep(stepNames[i], label);
    }
  }

  /** True when the value is message content (cut to the content length, not the value length). */
  boolean content() {
    return content;
  }

  /** True when the path starts at the result of the call ({@code return} or {@code thrown}). */
  boolean readsResult() {
    return source == RETURN || source == THROWN || source == RETURN_LENGTH;
  }

  /** True when the path starts at an item of the returned stream ({@code chunk}). */
  boolean readsItems() {
    return source == CHUNK;
  }

  /** The value the path leads to from {@code item}, an item of the returned stream. */
  Object readItem(Object item) throws Throwable {
    return item == null ? null : follow(item, 0);
  }

  /** The value the path leads to; throws what a getter on the way throws. */
  Object read(Object self, Object a, Object b, Object c, Object returned, Throwable thrown)
      throws Throwable {
    Object value;
    switch (source) {
      case THIS: value = self; break;
      case ARG_A: value = a; break;
      case ARG_B: value = b; break;
      case ARG_C: value = c; break;
      case RETURN: value = returned; break;
      case THROWN: value = thrown; break;
      case JDBC_NOTE: return self == null ? null : JdbcNotes.of(self, a);
      case RETURN_LENGTH: return returned != null && returned.getClass().isArray() ? Array.getLength(returned) : null;
      case JDBC_TRANSACTION_END: return self == null ? null : JdbcNotes.endTransaction(self);
      default: return null; // CHUNK: read per item

    }
    return follow(value, 0);
  }

  private Object follow(Object start, int from) throws Throwable {
    Object value = start;
    for (int i = from; i < steps.length; i++) {
      if (value == null) {
        return null;
      }
      if (steps[i] == null) {
        return each(unwrap(value), i + 1);
      }
      value = steps[i].apply(value);
    }
    return unwrap(value);
  }

  /**
   * The rest of the path applied to each element of an array or of one of the JDK's collections
   * (iterating an application's collection would run its code); the results that are not null.
   */
  private List<Object> each(Object value, int from) throws Throwable {
    Iterable<?> elements;
    if (value instanceof Object[]) {
      elements = Arrays.asList((Object[]) value);
    } else if (value instanceof Collection && value.getClass().getClassLoader() == null) {
      elements = (Collection<?>) value;
    } else {
      return null;
    }
    List<Object> out = new ArrayList<>();
    int seen = 0;
    // an empty result is no value, so that a later item without elements keeps an earlier one's
    for (Object element : elements) {
      if (++seen > MAX_ELEMENTS) {
        break;
      }
      Object result = element == null ? null : follow(element, from);
      if (result != null) {
        out.add(result);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static Object unwrap(Object value) {
    return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
  }
}
