package dev.perfagent.agent.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** How a stack map frame names the type of a local variable or stack value. */
final class FrameTypes {
  private FrameTypes() {}

  /** The frame type of a value of {@code type} (int for the small integers, as the JVM holds them). */
  static Object of(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      case Type.ARRAY:
        return type.getDescriptor();
      default:
        return type.getInternalName();
    }
  }

  /** The local-variable slots a frame entry takes: two for long and double. */
  static int slots(Object frameType) {
    return frameType == Opcodes.LONG || frameType == Opcodes.DOUBLE ? 2 : 1;
  }
}
