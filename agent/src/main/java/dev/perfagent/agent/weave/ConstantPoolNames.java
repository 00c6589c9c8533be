package dev.perfagent.agent.weave;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads from a class file's constant pool, without parsing anything else, the names of the methods
 * the class declares and of its direct supertypes. Names are in internal form ({@code a/b/C}).
 */
final class ConstantPoolNames {
  private static final int UTF8 = 1;
  private static final int CLASS = 7;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;

  private static final int ACC_BRIDGE = 0x0040;
  private static final int ACC_NATIVE = 0x0100;
  private static final int ACC_ABSTRACT = 0x0400;
  private static final int ACC_SYNTHETIC = 0x1000;
  /** The methods the weaver never weaves. */
  private static final int NOT_WOVEN = ACC_BRIDGE | ACC_NATIVE | ACC_ABSTRACT | ACC_SYNTHETIC;

  /**
   * Per thread, where each pool entry of the class being read starts: kept from one class to the
   * next, as a class file is read on every class load.
   */
  private static final ThreadLocal<int[]> OFFSETS = ThreadLocal.withInitial(() -> new int[1024]);

  private ConstantPoolNames() {}

  /** A test of one text entry: {@code length} bytes of modified UTF-8 at {@code offset}. */
  interface Entry {
    boolean test(byte[] classFile, int offset, int length);
  }

  /**
   * Whether {@code wanted} accepts the name of a method {@code classFile} declares with code of its
   * own (a method the weaver may weave: no constructor, abstract, native, bridge or synthetic
   * method); also true when the bytes cannot be read as a class file (the caller then looks at the
   * class as usual).
   */
  static boolean anyWovenMethodName(byte[] classFile, Entry wanted) {
    try {
      int[] pool = pool(classFile);
      if (pool == null) {
        return true;
      }
      int count = u2(classFile, 8);
      int at = pool[count] + 6; // access flags, this class, super class
      at += 2 + 2 * u2(classFile, at); // interfaces
      int fields = u2(classFile, at);
      at += 2;
      for (int i = 0; i < fields; i++) {
        at = skipAttributes(classFile, at + 6);
      }
      int methods = u2(classFile, at);
      at += 2;
      for (int i = 0; i < methods; i++) {
        int name = entry(classFile, pool, count, u2(classFile, at + 2), UTF8);
        if (name < 0) {
          return true;
        }
        int length = u2(classFile, name + 1);
        if ((u2(classFile, at) & NOT_WOVEN) == 0 && length > 0 && classFile[name + 3] != '<'
            && wanted.test(classFile, name + 3, length)) {
          return true;
        }
        at = skipAttributes(classFile, at + 6);
      }
      return at > classFile.length; // cut short inside the last method's attributes: cannot decide
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
      int[] pool = pool(classFile);
      if (pool == null) {
        return null;
      }
      int count = u2(classFile, 8);
      int at = pool[count];
      int superClass = u2(classFile, at + 4);
      int interfaces = u2(classFile, at + 6);
      String[] names = new String[(superClass == 0 ? 0 : 1) + interfaces];
      int n = 0;
      if (superClass != 0) {
        names[n++] = className(classFile, pool, count, superClass);
      }
      for (int i = 0; i < interfaces; i++) {
        names[n++] = className(classFile, pool, count, u2(classFile, at + 8 + 2 * i));
      }
      return names;
    } catch (IndexOutOfBoundsException | IOException e) {
      return null;
    }
  }

  /**
   * Where each pool entry starts, by index (1 to count - 1; 0 for the unusable second index of a
   * {@code Long} or {@code Double}), then at index count where the pool ends; null when the bytes are
   * not a class file. The array is the thread's, valid until its next call.
   */
  private static int[] pool(byte[] b) {
    if (!isClassFile(b)) {
      return null;
    }
    int count = u2(b, 8);
    int[] offsets = OFFSETS.get();
    if (offsets.length <= count) {
      offsets = new int[count + 1];
      OFFSETS.set(offsets);
    }
    int at = 10;
    for (int i = 1; i < count; i++) {
      offsets[i] = at;
      int size = entrySize(b, at);
      if (size < 0) {
        return null;
      }
      if ((b[at] == LONG || b[at] == DOUBLE) && i + 1 < count) {
        offsets[++i] = 0;
      }
      at += size;
    }
    offsets[count] = at;
    return offsets;
  }

  /** Where pool entry {@code index} starts if it has {@code tag}, else -1. */
  private static int entry(byte[] b, int[] pool, int count, int index, int tag) {
    if (index < 1 || index >= count || pool[index] == 0 || b[pool[index]] != tag) {
      return -1;
    }
    return pool[index];
  }

  /** Where the member whose attribute count is at {@code at} ends. */
  private static int skipAttributes(byte[] b, int at) {
    int attributes = u2(b, at);
    at += 2;
    for (int i = 0; i < attributes; i++) {
      int length = u2(b, at + 2) << 16 | u2(b, at + 4);
      if (length < 0) {
        throw new IndexOutOfBoundsException("attribute longer than a class file can be");
      }
      at += 6 + length;
    }
    return at;
  }

  private static String className(byte[] b, int[] pool, int count, int classIndex) throws IOException {
    int type = entry(b, pool, count, classIndex, CLASS);
    int utf8 = type < 0 ? -1 : entry(b, pool, count, u2(b, type + 1), UTF8);
    if (utf8 < 0) {
      throw new IOException("no class name at pool index " + classIndex);
    }
    return new DataInputStream(new ByteArrayInputStream(b, utf8 + 1, b.length - utf8 - 1)).readUTF();
  }

  private static boolean isClassFile(byte[] b) {
    return b != null && b.length >= 10 && u2(b, 0) == 0xCAFE && u2(b, 2) == 0xBABE;
  }

  /** The size in bytes of the pool entry at {@code at}, or -1 for an unknown tag. */
  private static int entrySize(byte[] b, int at) {
    switch (b[at]) {
      case UTF8: // u2 length, bytes
        return 3 + u2(b, at + 1);
      case CLASS: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
        return 3;
      case 15: // MethodHandle
        return 4;
      case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
        return 5;
      case LONG: case DOUBLE:
        return 9;
      default:
        return -1;
    }
  }

  private static int u2(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
