package dev.perfagent.agent.weave;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads a class file's constant pool and its direct supertypes' names, without parsing anything
 * else. Every name a class declares (its methods, fields, itself) is a text entry ({@code
 * CONSTANT_Utf8}) of its pool, so a method name that is not among them is not declared by the class.
 * Names are in internal form ({@code a/b/C}).
 */
final class ConstantPoolNames {
  private ConstantPoolNames() {}

  /** A test of one text entry: {@code length} bytes of modified UTF-8 at {@code offset}. */
  interface Entry {
    boolean test(byte[] classFile, int offset, int length);
  }

  /**
   * Whether some text entry of {@code classFile}'s constant pool satisfies {@code wanted}; also true
   * when the bytes cannot be read as a class file (the caller then looks at the class as usual).
   */
  static boolean anyMatch(byte[] classFile, Entry wanted) {
    try {
      if (!isClassFile(classFile)) {
        return true;
      }
      int count = u2(classFile, 8);
      int at = 10;
      for (int i = 1; i < count; i++) {
        if (classFile[at] == 1 && wanted.test(classFile, at + 3, u2(classFile, at + 1))) {
          return true;
        }
        int size = entrySize(classFile, at);
        if (size < 0) {
          return true;
        }
        if (classFile[at] == 5 || classFile[at] == 6) {
          i++; // Long and Double take two entries
        }
        at += size;
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
  static String[] directSupertypes(byte[] classFile) {
    try {
      if (!isClassFile(classFile)) {
        return null;
      }
      int count = u2(classFile, 8);
      int[] offsets = new int[count];
      int at = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = at;
        int size = entrySize(classFile, at);
        if (size < 0) {
          return null;
        }
        if (classFile[at] == 5 || classFile[at] == 6) {
          i++;
        }
        at += size;
      }
      int superClass = u2(classFile, at + 4);
      int interfaces = u2(classFile, at + 6);
      String[] names = new String[(superClass == 0 ? 0 : 1) + interfaces];
      int n = 0;
      if (superClass != 0) {
        names[n++] = className(classFile, offsets, superClass);
      }
      for (int i = 0; i < interfaces; i++) {
        names[n++] = className(classFile, offsets, u2(classFile, at + 8 + 2 * i));
      }
      return names;
    } catch (IndexOutOfBoundsException | IOException e) {
      return null;
    }
  }

  private static String className(byte[] b, int[] offsets, int classIndex) throws IOException {
    int utf8 = offsets[u2(b, offsets[classIndex] + 1)];
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
}
