package dev.perfagent.agent.export;

import io.opentelemetry.api.internal.OtelEncodingUtils;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable protobuf buffer, kept between uses, written in one pass: a message's length is not
 * known before its fields are written, so {@link #startMessage} leaves the bytes its length is
 * expected to take and {@link #endMessage} moves the fields when it takes more or fewer (lengths are
 * minimal varints, as every protobuf writer writes them).
 */
final class ProtoBytes {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private static final VarHandle LITTLE_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final RepeatedStrings repeated = new RepeatedStrings();
  private byte[] bytes = new byte[64 * 1024];
  private int size;

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  /** What was written, in an array of its own (the buffer is reused by the next batch). */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Opens a length-delimited field expected to be shorter than 128 bytes; returns what {@link #endMessage(int)} takes. */
  int startMessage(int field) {
    return startMessage(field, 1);
  }

  /**
   * Opens a length-delimited field, leaving {@code guess} bytes for its length (when the guess is
   * right, the fields are not moved); returns what {@link #endMessage(int, int)} takes.
   */
  int startMessage(int field, int guess) {
    tag(field, LENGTH_DELIMITED);
    room(guess);
    size += guess;
    return size;
  }

  void endMessage(int start) {
    endMessage(start, 1);
  }

  /** Writes the length of the message begun at {@code start} with {@code guess}, moving its fields if the guess was wrong. */
  void endMessage(int start, int guess) {
    int length = size - start;
    int lengthSize = varintSize(length);
    if (lengthSize != guess) {
      int shift = lengthSize - guess;
      room(Math.max(0, shift));
      System.arraycopy(bytes, start, bytes, start + shift, length);
      size += shift;
      start += shift;
    }
    int at = start - lengthSize;
    long value = length;
    while ((value & ~0x7fL) != 0) {
      bytes[at++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes[at] = (byte) value;
  }

  /** A string field, left out when null or empty. */
  void optionalString(int field, String value) {
    if (value != null && !value.isEmpty()) {
      string(field, value);
    }
  }

  /**
   * A string field, also when empty: the JDK's UTF-8 encoder (vectorised for the usual ASCII text)
   * writes a lone surrogate as {@code ?}, as the SDK does. A short string written again (an
   * attribute key, a span or thread name) is encoded once ({@link RepeatedStrings}).
   */
  void string(int field, String value) {
    byte[] encoded = repeated.encoded(value);
    if (encoded == null) {
      encoded = value.getBytes(StandardCharsets.UTF_8);
      if (repeated.secondSight(value)) {
        repeated.keep(value, encoded);
      }
    }
    bytes(field, encoded);
  }

  /** A bytes field, left out when empty. */
  void optionalBytes(int field, byte[] value) {
    if (value.length > 0) {
      bytes(field, value);
    }
  }

  /** A bytes field, also when empty. */
  void bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    raw(value, 0, value.length);
  }

  /** A 16- or 8-byte id field from its hex form (as the SDK, without checking it: ids come valid from the span context). */
  void hexId(int field, String hex) {
    int n = hex.length() / 2;
    tag(field, LENGTH_DELIMITED);
    varint(n);
    room(n);
    for (int i = 0; i < n; i += 8) {
      BIG_ENDIAN_LONGS.set(bytes, size, OtelEncodingUtils.longFromBase16String(hex, 2 * i));
      size += 8;
    }
  }

  /** An 8-byte id field (a span id). */
  void id(int field, long id) {
    tag(field, LENGTH_DELIMITED);
    varint(8);
    room(8);
    BIG_ENDIAN_LONGS.set(bytes, size, id);
    size += 8;
  }

  /** A 16-byte id field (a trace id). */
  void id(int field, long high, long low) {
    tag(field, LENGTH_DELIMITED);
    varint(16);
    room(16);
    BIG_ENDIAN_LONGS.set(bytes, size, high);
    BIG_ENDIAN_LONGS.set(bytes, size + 8, low);
    size += 16;
  }

  /** A varint field (int64, enum), left out when 0. */
  void optionalVarint(int field, long value) {
    if (value != 0) {
      varintField(field, value);
    }
  }

  /** A uint32 field (a count), left out when 0; a negative count is its 32 bits unsigned, as the SDK writes it. */
  void optionalUint32(int field, int value) {
    optionalVarint(field, value & 0xffffffffL);
  }

  /** A varint field, also when 0. */
  void varintField(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void bool(int field, boolean value) {
    tag(field, VARINT);
    room(1);
    bytes[size++] = (byte) (value ? 1 : 0);
  }

  /** A fixed64 field, left out when 0. */
  void optionalFixed64(int field, long value) {
    if (value != 0) {
      fixed64(field, value);
    }
  }

  void fixed64(int field, long value) {
    tag(field, FIXED64);
    room(8);
    LITTLE_ENDIAN_LONGS.set(bytes, size, value);
    size += 8;
  }

  /** A fixed32 field, left out when 0. */
  void optionalFixed32(int field, int value) {
    if (value != 0) {
      tag(field, FIXED32);
      room(4);
      for (int i = 0; i < 4; i++) {
        bytes[size++] = (byte) (value >>> (8 * i));
      }
    }
  }

  /** Bytes written elsewhere (a serialized message, with its tag and length). */
  void raw(byte[] value, int offset, int length) {
    room(length);
    System.arraycopy(value, offset, bytes, size, length);
    size += length;
  }

  private void tag(int field, int wireType) {
    varint(field << 3 | wireType);
  }

  private void varint(long value) {
    room(10);
    if ((value & ~0x7fL) == 0) { // tags of fields up to 15, lengths up to 127
      bytes[size++] = (byte) value;
      return;
    }
    while ((value & ~0x7fL) != 0) {
      bytes[size++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private static int varintSize(long value) {
    int n = 1;
    while ((value & ~0x7fL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  private void room(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }
}
