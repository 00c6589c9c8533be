package dev.perfagent.agent.export;

import java.util.Arrays;

/**
 * The encoded bytes of short strings an exporter writes again and again (attribute keys, span and
 * thread names, a captured value that repeats), looked up by identity in a direct-mapped table. A
 * string is kept the second time in a row it lands on its entry, so that one seen once (an id, a
 * message) costs a reference store and no copy; two strings taking turns on one entry are simply
 * never kept. At most {@value #ENTRIES} strings of up to {@value #MAX_LENGTH} characters are held.
 */
final class RepeatedStrings {
  static final int ENTRIES = 256;
  static final int MAX_LENGTH = 64;

  private final String[] kept = new String[ENTRIES];
  private final byte[][] encodings = new byte[ENTRIES][];
  private final String[] seenOnce = new String[ENTRIES];

  /** The bytes {@code value} was written as, or null when it is not kept. */
  byte[] encoded(String value) {
    int entry = entry(value);
    return kept[entry] == value ? encodings[entry] : null;
  }

  /** {@code value} was just written as {@code bytes[from, to)}: kept if it came twice in a row. */
  void written(String value, byte[] bytes, int from, int to) {
    if (value.length() > MAX_LENGTH) {
      return;
    }
    int entry = entry(value);
    if (seenOnce[entry] == value) {
      kept[entry] = value;
      encodings[entry] = Arrays.copyOfRange(bytes, from, to);
      seenOnce[entry] = null;
    } else {
      seenOnce[entry] = value;
    }
  }

  private static int entry(String value) {
    return System.identityHashCode(value) & (ENTRIES - 1);
  }
}
