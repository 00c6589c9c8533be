package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * An {@link AttributesBuilder} used for one set of attributes after another (one thread), which builds
 * what the SDK's builder builds (sorted by key name, the last value of a name wins) without sorting
 * every time: the order the keys were put in is looked up in an {@link Order}, which remembers how the
 * last few key sequences it saw sort. Sites put their keys in the same sequence span after span, so
 * a span's build is a comparison of its keys with the remembered ones and one copy.
 *
 * <p>A {@code Value} attribute (which the SDK's builder turns into a primitive one where it can) hands
 * everything put so far to the SDK's builder, which then builds.
 */
final class ReusedAttributesBuilder implements AttributesBuilder {
  private AttributeKey<?>[] keys = new AttributeKey<?>[32];
  private Object[] values = new Object[32];
  private int size;
  /** Pairs forgotten by {@link #removeIf} since {@link #start}. */
  private int removed;
  private Order order;
  /** Not null once the SDK's builder took over this set. */
  private AttributesBuilder sdk;
  private final BiConsumer<AttributeKey<?>, Object> putAny = this::putAny;

  /** Starts a new set of attributes, whose key sequences are remembered in {@code order}. */
  ReusedAttributesBuilder start(Order order) {
    clear();
    removed = 0;
    this.order = order;
    this.sdk = null;
    return this;
  }

  @Override
  public Attributes build() {
    if (sdk != null) {
      return sdk.build();
    }
    int[] take = order.sorted(keys, size);
    Object[] data = new Object[take.length * 2];
    for (int i = 0; i < take.length; i++) {
      data[2 * i] = keys[take[i]];
      data[2 * i + 1] = values[take[i]];
    }
    return new SortedAttributes(data); // the pairs stay until the next start, as a builder may build again
  }

  @Override
  public <T> AttributesBuilder put(AttributeKey<Long> key, int value) {
    return put(key, (long) value);
  }

  @Override
  public <T> AttributesBuilder put(AttributeKey<T> key, T value) {
    if (sdk != null) {
      sdk.put(key, value);
    } else if (key != null && !key.getKey().isEmpty() && value != null) {
      if (key.getType() == AttributeType.VALUE) {
        sdk().put(key, value);
      } else {
        add(key, value);
      }
    }
    return this;
  }

  @Override
  public AttributesBuilder putAll(Attributes attributes) {
    if (attributes != null) {
      attributes.forEach(putAny);
    }
    return this;
  }

  @Override
  public <T> AttributesBuilder remove(AttributeKey<T> key) {
    if (key != null && !key.getKey().isEmpty()) {
      removeIf(k -> k.getKey().equals(key.getKey()) && k.getType() == key.getType());
    }
    return this;
  }

  /** Forgets the pairs put so far whose key {@code filter} accepts (those put later stay), as the SDK's builder. */
  @Override
  public AttributesBuilder removeIf(Predicate<AttributeKey<?>> filter) {
    if (sdk != null) {
      sdk.removeIf(filter);
    } else if (filter != null) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!filter.test(keys[i])) {
          keys[kept] = keys[i];
          values[kept++] = values[i];
        }
      }
      for (int i = kept; i < size; i++) {
        keys[i] = null;
        values[i] = null;
      }
      removed += size - kept;
      size = kept;
    }
    return this;
  }

  /** A mark of what this set holds now, for {@link #changedSince}. */
  long mark() {
    return (long) removed << 32 | size;
  }

  /**
   * Whether the value of a key named {@code name} may differ from what it was at {@code mark}: a key
   * of that name was put since, or any pair was removed, or the SDK's builder took over (which this
   * builder cannot look into).
   */
  boolean changedSince(long mark, String name) {
    if (sdk != null || removed != (int) (mark >>> 32)) {
      return true;
    }
    for (int i = (int) mark; i < size; i++) {
      if (keys[i].getKey().equals(name)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private void putAny(AttributeKey<?> key, Object value) {
    put((AttributeKey<Object>) key, value);
  }

  private void add(AttributeKey<?> key, Object value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
  }

  /** The SDK's builder, given what was put so far. */
  @SuppressWarnings("unchecked")
  private AttributesBuilder sdk() {
    if (sdk == null) {
      sdk = Attributes.builder();
      for (int i = 0; i < size; i++) {
        sdk.put((AttributeKey<Object>) keys[i], values[i]);
      }
      clear();
    }
    return sdk;
  }

  private void clear() {
    for (int i = 0; i < size; i++) { // a loop: Arrays.fill's range checks cost more on these few slots
      keys[i] = null;
      values[i] = null;
    }
    size = 0;
  }

  /**
   * How the last few key sequences of one site sort: for each, the positions (in the order put) of the
   * pairs kept, in key-name order. Only the names count, as for the SDK's builder (a name put twice
   * keeps its last value, whatever the types).
   */
  static final class Order {
    private static final int REMEMBERED = 4;
    private final String[][] names = new String[REMEMBERED][];
    private final int[][] sorted = new int[REMEMBERED][];
    private int next;

    /** The positions of {@code keys[0..size)} to keep, in the order of their names. */
    int[] sorted(AttributeKey<?>[] keys, int size) {
      for (int s = 0; s < REMEMBERED; s++) {
        if (names[s] != null && sameNames(names[s], keys, size)) {
          return sorted[s];
        }
      }
      String[] seen = new String[size];
      for (int i = 0; i < size; i++) {
        seen[i] = keys[i].getKey();
      }
      int[] order = sort(seen);
      names[next] = seen;
      sorted[next] = order;
      next = (next + 1) % REMEMBERED;
      return order;
    }

    private static boolean sameNames(String[] names, AttributeKey<?>[] keys, int size) {
      if (names.length != size) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        String name = keys[i].getKey();
        if (name != names[i] && !name.equals(names[i])) {
          return false;
        }
      }
      return true;
    }

    /** Stable sort by name, then of each run of one name only the last (the one put last). */
    private static int[] sort(String[] names) {
      int[] order = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        int j = i;
        while (j > 0 && names[order[j - 1]].compareTo(names[i]) > 0) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = i;
      }
      int kept = 0;
      for (int i = 0; i < order.length; i++) {
        if (i + 1 < order.length && names[order[i]].equals(names[order[i + 1]])) {
          continue;
        }
        order[kept++] = order[i];
      }
      return kept == order.length ? order : Arrays.copyOf(order, kept);
    }
  }
}
