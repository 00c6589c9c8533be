package dev.perfagent.agent.weave;

import java.util.Arrays;

/**
 * The first two bytes a name may start with, for the names some patterns match: a test that passes
 * over most of a class file's method names without making a string of them. Patterns are ASCII here
 * (the caller treats others as matching everything).
 */
final class NameStarts {
  /** Bit {@code b0 << 8 | b1} set: a name may start with bytes b0, b1 (b1 is 0 for a one-byte name). */
  private final long[] pairs = new long[(1 << 16) / 64];

  /** Names starting with {@code prefix} may be asked about. */
  void add(String prefix) {
    if (prefix.isEmpty()) {
      Arrays.fill(pairs, -1L);
    } else if (prefix.length() == 1) {
      for (int second = 0; second < 256; second++) {
        set(prefix.charAt(0) << 8 | second);
      }
    } else {
      set(prefix.charAt(0) << 8 | prefix.charAt(1));
    }
  }

  /** Whether the {@code length} bytes at {@code offset} (at least one) may start a name added. */
  boolean mayStart(byte[] text, int offset, int length) {
    int pair = (text[offset] & 0xFF) << 8 | (length > 1 ? text[offset + 1] & 0xFF : 0);
    return (pairs[pair >>> 6] & (1L << pair)) != 0;
  }

  private void set(int pair) {
    pairs[pair >>> 6] |= 1L << pair;
  }
}
