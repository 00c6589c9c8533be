package dev.perfagent.agent.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 JSON buffer, kept between uses. Strings are escaped byte for byte as the
 * OpenTelemetry SDK's OTLP JSON marshaller writes them (Jackson's defaults behind a UTF-8
 * round trip): {@code "} and {@code \} and control characters escaped ({@code \n}, {@code \t},
 * {@code \b}, {@code \f}, {@code \r}, else a backslash-u escape of four upper-case hex digits),
 * each half of a surrogate pair as such an escape, a lone surrogate as {@code ?}, everything else
 * raw UTF-8.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** Ids are lowercase hex in OTLP JSON (the API's {@code TraceId}, {@code SpanId}). */
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** By ASCII character: 0 raw, else the letter after the backslash, or 'u' for a backslash-u escape. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private static final long BILLION = 1_000_000_000L;
  /** "00", "01", ... "99": the two digits of each number below 100. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** By ASCII character: true for those written as they are. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      PLAIN[c] = ESCAPES[c] == 0;
    }
  }

  private final RepeatedStrings repeated = new RepeatedStrings();
  private byte[] bytes = new byte[64 * 1024];
  private int size;
  private long lastBillions = -1;
  private final byte[] lastBillionsText = new byte[20];
  private int lastBillionsLength;

  void clear() {
    size = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** ASCII text that needs no escaping (names and punctuation). */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): each char's low byte, all ASCII here
  JsonBytes raw(String ascii) {
    int n = ascii.length();
    room(n);
    ascii.getBytes(0, n, bytes, size); // an array copy for a Latin-1 string, no encoder
    size += n;
    return this;
  }

  JsonBytes raw(char c) {
    room(1);
    bytes[size++] = (byte) c;
    return this;
  }

  JsonBytes number(long value) {
    if (value == Long.MIN_VALUE) { // the one value whose negation is itself
      return raw(Long.toString(value));
    }
    room(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    if (value < BILLION) {
      return digits((int) value, 0);
    }
    // a timestamp in nanoseconds: the billions (the second, copied when it is the last one's), then
    // nine digits, each in int arithmetic
    long billions = value / BILLION;
    int rest = (int) (value - billions * BILLION);
    if (billions == lastBillions) {
      System.arraycopy(lastBillionsText, 0, bytes, size, lastBillionsLength);
      size += lastBillionsLength;
    } else {
      int start = size;
      if (billions < BILLION) {
        digits((int) billions, 0);
      } else {
        digits((int) (billions / BILLION), 0);
        digits((int) (billions % BILLION), 9);
      }
      lastBillions = billions;
      lastBillionsLength = size - start;
      System.arraycopy(bytes, start, lastBillionsText, 0, lastBillionsLength);
    }
    return digits(rest, 9);
  }

  /** {@code value}'s decimal digits, two a step, left-padded with zeros to {@code width}. */
  private JsonBytes digits(int value, int width) {
    int end = size + Math.max(width, digitCount(value));
    int p = end;
    while (value >= 100) {
      int pair = (value % 100) * 2;
      value /= 100;
      bytes[--p] = DIGIT_PAIRS[pair + 1];
      bytes[--p] = DIGIT_PAIRS[pair];
    }
    int pair = value * 2;
    bytes[--p] = DIGIT_PAIRS[pair + 1];
    if (value >= 10) {
      bytes[--p] = DIGIT_PAIRS[pair];
    }
    while (p > size) {
      bytes[--p] = '0';
    }
    size = end;
    return this;
  }

  /** Decimal digits of {@code value}, at least 0. */
  private static int digitCount(int value) {
    int bound = 10;
    for (int n = 1; n < 10; n++, bound *= 10) {
      if (value < bound) {
        return n;
      }
    }
    return 10;
  }

  /** A number as a JSON string, as the protobuf JSON mapping writes 64-bit integers. */
  JsonBytes quotedNumber(long value) {
    return raw('"').number(value).raw('"');
  }

  /** As Java prints it; NaN and the infinities as strings, since JSON has no such numbers. */
  JsonBytes number(double value) {
    return Double.isFinite(value) ? raw(Double.toString(value)) : raw('"').raw(Double.toString(value)).raw('"');
  }

  /** {@code "…"}: the 16 lowercase hex digits of a span id. */
  JsonBytes hexId(long id) {
    room(18);
    bytes[size++] = '"';
    hex(id);
    bytes[size++] = '"';
    return this;
  }

  /** {@code "…"}: the 32 lowercase hex digits of a trace id. */
  JsonBytes hexId(long high, long low) {
    room(34);
    bytes[size++] = '"';
    hex(high);
    hex(low);
    bytes[size++] = '"';
    return this;
  }

  private void hex(long value) {
    for (int i = 15; i >= 0; i--, value >>>= 4) {
      bytes[size + i] = HEX_DIGITS[(int) (value & 0xf)];
    }
    size += 16;
  }

  /**
   * {@code "value"}, escaped. A short string written again and again (an attribute key, a span or
   * thread name, the same captured value) is escaped once and then copied ({@link RepeatedStrings}).
   */
  JsonBytes string(String value) {
    byte[] known = repeated.encoded(value);
    if (known != null) {
      return raw(known);
    }
    int start = size;
    escaped(value);
    if (repeated.secondSight(value)) {
      repeated.keep(value, Arrays.copyOfRange(bytes, start, size));
    }
    return this;
  }

  JsonBytes raw(byte[] ascii) {
    room(ascii.length);
    System.arraycopy(ascii, 0, bytes, size, ascii.length);
    size += ascii.length;
    return this;
  }

  private void escaped(String value) {
    int n = value.length();
    room(n * 6 + 2);
    byte[] b = bytes;
    int p = size;
    b[p++] = '"';
    int i = 0;
    for (char c; i < n && (c = value.charAt(i)) < 0x80 && PLAIN[c]; i++) { // the common case
      b[p++] = (byte) c;
    }
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          b[p++] = (byte) c;
        } else if (escape == 'u') {
          p = unicodeEscape(b, p, c);
        } else {
          b[p++] = '\\';
          b[p++] = escape;
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        p = unicodeEscape(b, p, c);
        p = unicodeEscape(b, p, value.charAt(++i));
      } else if (Character.isSurrogate(c)) { // alone: not encodable in UTF-8
        b[p++] = '?';
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    b[p++] = '"';
    size = p;
  }

  private static int unicodeEscape(byte[] b, int p, char c) {
    b[p++] = '\\';
    b[p++] = 'u';
    b[p++] = HEX[(c >> 12) & 0xf];
    b[p++] = HEX[(c >> 8) & 0xf];
    b[p++] = HEX[(c >> 4) & 0xf];
    b[p++] = HEX[c & 0xf];
    return p;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
