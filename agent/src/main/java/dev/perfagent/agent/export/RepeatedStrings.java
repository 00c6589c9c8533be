package dev.perfagent.agent.export;

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

  /**
   * Whether {@code value}, just encoded, should be kept ({@link #keep}): it came twice in a row on
   * its entry. Else it is remembered as seen once (or is too long to keep).
   */
  boolean secondSight(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    int entry = entry(value);
    if (seenOnce[entry] == value) {
      seenOnce[entry] = null;
      return true;
    }
    seenOnce[entry] = value;
    return false;
  }

  /** Keeps {@code encoding} (owned from now on) as what {@code value} is written as. */
  void keep(String value, byte[] encoding) {
    int entry = entry(value);
    kept[entry] = value;
    encodings[entry] = encoding;
  }

  private static int entry(String value) {
    return System.identityHashCode(value) & (ENTRIES - 1);
  }
}
