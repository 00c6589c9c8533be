package dev.perfagent.agent.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Lists the recorded values of a list capture ({@code [a, b]}); see {@code config.Capture}. */
final class ValueLists {
  private ValueLists() {}

  /**
   * The values at {@code indexes} as text, in order, a value that is itself a list giving its
   * elements; values that are missing are left out, and null when all are.
   */
  static String[] of(int[] indexes, IntFunction<Object> values) {
    List<String> texts = new ArrayList<>(indexes.length);
    for (int index : indexes) {
      Object value = values.apply(index);
      if (value instanceof String[]) {
        texts.addAll(List.of((String[]) value));
      } else if (value != null) {
        texts.add(AttributeValues.text(value));
      }
    }
    return texts.isEmpty() ? null : texts.toArray(new String[0]);
  }
}
