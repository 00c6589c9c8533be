package dev.perfagent.agent.weave;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads from a class file, without parsing anything else, the names of the methods it declares and
 * of its direct supertypes. Names are in internal form ({@code a/b/C}).
 */
final class ConstantPoolNames {
  /** Methods the weaver never weaves: abstract, native, bridge or synthetic. */
  private static final int NOT_WOVEN = 0x0400 | 0x0100 | 0x0040 | 0x1000;

  private ConstantPoolNames() {}

  /** A test of one text entry: {@code length} bytes of modified UTF-8 at {@code offset}. */
  interface Entry {
    boolean test(byte[] classFile, int offset, int length);
  }

  /**
   * Whether {@code wanted} accepts the name of a method {@code classFile} declares with code of its
   * own (the only methods the weaver weaves; constructors too, which no method pattern names); also
   * true when the bytes cannot be read as a class file (the caller then looks at the class as usual).
   */
  static boolean anyWovenMethodName(byte[] b, Entry wanted) {
    try {
      int[] pool = pool(b);
      if (pool == null) {
        return true;
      }
      int at = pool[0] + 6; // access flags, this class, super class
      at += 2 + 2 * u2(b, at); // interfaces
      int fields = u2(b, at);
      at += 2;
      for (int i = 0; i < fields; i++) {
        at = skipAttributes(b, at + 6);
      }
      int methods = u2(b, at);
      at += 2;
      for (int i = 0; i < methods; i++) {
        int name = pool[u2(b, at + 2)];
        if ((u2(b, at) & NOT_WOVEN) == 0 && b[name] == 1 && wanted.test(b, name + 3, u2(b, name + 1))) {
          return true;
        }
        at = skipAttributes(b, at + 6);
      }
      return false;
    } catch (IndexOutOfBoundsException e) {
      return true;
    }
  }

  /**
   * The super class (absent for {@code java/lang/Object}) and then the interfaces {@code classFile}
   * names, or null when the bytes cannot be read as a class file.
   */
  static String[] directSupertypes(byte[] b) {
    try {
      int[] pool = pool(b);
      if (pool == null) {
        return null;
      }
      int at = pool[0];
      int superClass = u2(b, at + 4);
      int interfaces = u2(b, at + 6);
      String[] names = new String[(superClass == 0 ? 0 : 1) + interfaces];
      int n = 0;
      if (superClass != 0) {
        names[n++] = className(b, pool, superClass);
      }
      for (int i = 0; i < interfaces; i++) {
        names[n++] = className(b, pool, u2(b, at + 8 + 2 * i));
      }
      return names;
    } catch (IndexOutOfBoundsException | IOException e) {
      return null;
    }
  }

  /**
   * Where each constant pool entry starts, by index, and at index 0 (no entry has it) where the pool
   * ends; null when the bytes are not a class file.
   */
  private static int[] pool(byte[] b) {
    if (!isClassFile(b)) {
      return null;
    }
    int count = u2(b, 8);
    int[] offsets = new int[Math.max(count, 1)];
    int at = 10;
    for (int i = 1; i < count; i++) {
      offsets[i] = at;
      int size = entrySize(b, at);
      if (size < 0) {
        return null;
      }
      if (b[at] == 5 || b[at] == 6) {
        i++; // Long and Double take two entries
      }
      at += size;
    }
    offsets[0] = at;
    return offsets;
  }

  /** Where the member whose attribute count is at {@code at} ends. */
  private static int skipAttributes(byte[] b, int at) {
    int attributes = u2(b, at);
    at += 2;
    for (int i = 0; i < attributes; i++) {
      int length = u4(b, at + 2);
      if (length < 0) {
        throw new IndexOutOfBoundsException("attribute longer than a class file can be");
      }
      at += 6 + length;
    }
    return at;
  }

  private static String className(byte[] b, int[] pool, int classIndex) throws IOException {
    int utf8 = pool[u2(b, pool[classIndex] + 1)];
    return new DataInputStream(new ByteArrayInputStream(b, utf8 + 1, b.length - utf8 - 1)).readUTF();
  }

  private static boolean isClassFile(byte[] b) {
    return b != null && b.length >= 10 && u2(b, 0) == 0xCAFE && u2(b, 2) == 0xBABE;
  }

  /** The size in bytes of the pool entry at {@code at}, or -1 for an unknown tag. */
  private static int entrySize(byte[] b, int at) {
    switch (b[at]) {
      case 1: // Utf8: u2 length, bytes
        return 3 + u2(b, at + 1);
      case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
        return 3;
      case 15: // MethodHandle
        return 4;
      case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
        return 5;
      case 5: case 6: // Long, Double
        return 9;
      default:
        return -1;
    }
  }

  private static int u2(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static int u4(byte[] b, int at) {
    return u2(b, at) << 16 | u2(b, at + 2);
  }
}
