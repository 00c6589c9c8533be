package dev.perfagent.agent.weave;

import java.util.Arrays;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Whether each return of a method leaves nothing but its own value on the operand stack, read in one
 * pass in code order: the stack is taken from each stack map frame (as {@code ClassReader.EXPAND_FRAMES}
 * gives them) and followed through the instructions between them by their effect on it. The JVM's
 * verifier requires a frame at every jump target, every exception handler and after every
 * unconditional jump, so the pass always knows the stack where the method's frames are complete.
 *
 * <p>Why not ASM's {@code Analyzer} alone: its data-flow analysis answers the same, for any method, but
 * its {@code Frame.execute} is among the costliest methods the JIT compiles in a woven application
 * (0.5 s of C2 time in the test-app's start). It still decides the methods this pass cannot: those
 * without frames (class files before Java 6) or with subroutines ({@code jsr}).
 */
final class ReturnStacks {
  /** The stack's values, each by its size in words: 2 for long and double, 1 for the others. */
  private int[] sizes;
  private int depth;
  /** False after an unconditional jump, until the next frame. */
  private boolean known = true;

  private ReturnStacks(int maxStack) {
    this.sizes = new int[Math.max(4, maxStack + 1)];
  }

  /**
   * Whether every reachable return of {@code method} of class {@code owner} leaves only its value
   * (nothing for {@code void}): read from its frames when the class file has them ({@code frames}),
   * else decided by ASM's analysis; false when that fails.
   */
  static boolean onlyTheirValue(String owner, MethodNode method, boolean frames) {
    Boolean fromFrames = frames ? fromFrames(method) : null;
    return fromFrames != null ? fromFrames : analyzed(owner, method);
  }

  /** As {@link #onlyTheirValue}, by ASM's analysis alone. */
  static boolean analyzed(String owner, MethodNode method) {
    try {
      Frame<BasicValue>[] states = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
      int valueSize = valueSize(method);
      AbstractInsnNode[] code = method.instructions.toArray();
      for (int i = 0; i < code.length; i++) {
        if (isReturn(code[i].getOpcode()) && states[i] != null && states[i].getStackSize() != valueSize) {
          return false;
        }
      }
      return true;
    } catch (AnalyzerException | RuntimeException e) {
      return false;
    }
  }

  private static int valueSize(MethodNode method) {
    return Type.getReturnType(method.desc).getSort() == Type.VOID ? 0 : 1;
  }

  private static boolean isReturn(int opcode) {
    return opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
  }

  /**
   * As {@link #onlyTheirValue}, from the frames alone: null when the method's frames do not say.
   */
  static Boolean fromFrames(MethodNode method) {
    int valueSize = valueSize(method);
    ReturnStacks stack = new ReturnStacks(method.maxStack);
    try {
      for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
        if (insn instanceof FrameNode) {
          if (!stack.reset((FrameNode) insn)) {
            return null;
          }
          continue;
        }
        int opcode = insn.getOpcode();
        if (opcode < 0) {
          continue; // labels and line numbers
        }
        if (!stack.known) {
          return null; // an instruction after an unconditional jump without a frame: dead or unverifiable code
        }
        if (isReturn(opcode) && stack.depth != valueSize) {
          return false;
        }
        if (!stack.execute(insn)) {
          return null;
        }
      }
      return true;
    } catch (ArrayIndexOutOfBoundsException e) {
      return null; // more popped than pushed, or more pushed than the method's own maximum
    }
  }

  private boolean reset(FrameNode frame) {
    if (frame.type != Opcodes.F_NEW) {
      return false;
    }
    depth = 0;
    if (frame.stack != null) {
      for (Object type : frame.stack) {
        push(FrameTypes.slots(type));
      }
    }
    known = true;
    return true;
  }

  /** Applies the instruction's effect on the stack; false for an instruction this pass cannot follow. */
  private boolean execute(AbstractInsnNode insn) {
    int opcode = insn.getOpcode();
    switch (opcode) {
      case Opcodes.NOP:
      case Opcodes.IINC:
      case Opcodes.CHECKCAST:
        return true;
      case Opcodes.ACONST_NULL:
      case Opcodes.ICONST_M1: case Opcodes.ICONST_0: case Opcodes.ICONST_1: case Opcodes.ICONST_2:
      case Opcodes.ICONST_3: case Opcodes.ICONST_4: case Opcodes.ICONST_5:
      case Opcodes.FCONST_0: case Opcodes.FCONST_1: case Opcodes.FCONST_2:
      case Opcodes.BIPUSH: case Opcodes.SIPUSH:
      case Opcodes.ILOAD: case Opcodes.FLOAD: case Opcodes.ALOAD:
      case Opcodes.NEW:
        push(1);
        return true;
      case Opcodes.LCONST_0: case Opcodes.LCONST_1: case Opcodes.DCONST_0: case Opcodes.DCONST_1:
      case Opcodes.LLOAD: case Opcodes.DLOAD:
        push(2);
        return true;
      case Opcodes.LDC:
        push(constantSize(((LdcInsnNode) insn).cst));
        return true;
      case Opcodes.IALOAD: case Opcodes.FALOAD: case Opcodes.AALOAD: case Opcodes.BALOAD:
      case Opcodes.CALOAD: case Opcodes.SALOAD:
        return replace(2, 1);
      case Opcodes.LALOAD: case Opcodes.DALOAD:
        return replace(2, 2);
      case Opcodes.ISTORE: case Opcodes.LSTORE: case Opcodes.FSTORE: case Opcodes.DSTORE: case Opcodes.ASTORE:
      case Opcodes.IFEQ: case Opcodes.IFNE: case Opcodes.IFLT: case Opcodes.IFGE: case Opcodes.IFGT:
      case Opcodes.IFLE: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
      case Opcodes.PUTSTATIC: case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT:
        return replace(1, 0);
      case Opcodes.IF_ICMPEQ: case Opcodes.IF_ICMPNE: case Opcodes.IF_ICMPLT: case Opcodes.IF_ICMPGE:
      case Opcodes.IF_ICMPGT: case Opcodes.IF_ICMPLE: case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
      case Opcodes.PUTFIELD:
        return replace(2, 0);
      case Opcodes.IASTORE: case Opcodes.LASTORE: case Opcodes.FASTORE: case Opcodes.DASTORE:
      case Opcodes.AASTORE: case Opcodes.BASTORE: case Opcodes.CASTORE: case Opcodes.SASTORE:
        return replace(3, 0);
      case Opcodes.POP:
        return popWords(1) != null;
      case Opcodes.POP2:
        return popWords(2) != null;
      case Opcodes.DUP:
        return duplicate(1, 0);
      case Opcodes.DUP_X1:
        return duplicate(1, 1);
      case Opcodes.DUP_X2:
        return duplicate(1, 2);
      case Opcodes.DUP2:
        return duplicate(2, 0);
      case Opcodes.DUP2_X1:
        return duplicate(2, 1);
      case Opcodes.DUP2_X2:
        return duplicate(2, 2);
      case Opcodes.SWAP:
        return duplicate(1, 1) && popWords(1) != null;
      case Opcodes.LCMP: case Opcodes.FCMPL: case Opcodes.FCMPG: case Opcodes.DCMPL: case Opcodes.DCMPG:
        return replace(2, 1);
      case Opcodes.I2L: case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2L: case Opcodes.F2D: case Opcodes.D2L:
        return replace(1, 2);
      case Opcodes.I2F: case Opcodes.L2I: case Opcodes.L2F: case Opcodes.F2I: case Opcodes.D2I: case Opcodes.D2F:
      case Opcodes.I2B: case Opcodes.I2C: case Opcodes.I2S:
      case Opcodes.NEWARRAY: case Opcodes.ANEWARRAY: case Opcodes.ARRAYLENGTH: case Opcodes.INSTANCEOF:
        return replace(1, 1);
      case Opcodes.GETSTATIC:
        push(Type.getType(((FieldInsnNode) insn).desc).getSize());
        return true;
      case Opcodes.GETFIELD:
        return replace(1, Type.getType(((FieldInsnNode) insn).desc).getSize());
      case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC:
      case Opcodes.INVOKEINTERFACE: {
        String desc = ((MethodInsnNode) insn).desc;
        int receiver = opcode == Opcodes.INVOKESTATIC ? 0 : 1;
        return replace(Type.getArgumentTypes(desc).length + receiver, Type.getReturnType(desc).getSize());
      }
      case Opcodes.INVOKEDYNAMIC: {
        String desc = ((InvokeDynamicInsnNode) insn).desc;
        return replace(Type.getArgumentTypes(desc).length, Type.getReturnType(desc).getSize());
      }
      case Opcodes.MULTIANEWARRAY:
        return replace(((MultiANewArrayInsnNode) insn).dims, 1);
      case Opcodes.GOTO:
      case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN:
      case Opcodes.ARETURN: case Opcodes.RETURN: case Opcodes.ATHROW:
        known = false;
        return true;
      case Opcodes.TABLESWITCH: case Opcodes.LOOKUPSWITCH:
        known = false;
        return replace(1, 0);
      default:
        if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM) {
          return replace(2, wide(opcode - Opcodes.IADD) ? 2 : 1);
        }
        if (opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG) {
          return replace(1, wide(opcode - Opcodes.INEG) ? 2 : 1);
        }
        if (opcode >= Opcodes.ISHL && opcode <= Opcodes.LXOR) {
          // ISHL, LSHL, ISHR, LSHR, IUSHR, LUSHR, IAND, LAND, IOR, LOR, IXOR, LXOR: the odd ones on longs
          return replace(2, (opcode - Opcodes.ISHL) % 2 == 1 ? 2 : 1);
        }
        return false; // JSR, RET: subroutines
    }
  }

  /** For the arithmetic opcodes ordered int, long, float, double: whether the one at {@code offset} is wide. */
  private static boolean wide(int offset) {
    int kind = offset % 4;
    return kind == 1 || kind == 3;
  }

  private static int constantSize(Object constant) {
    if (constant instanceof Long || constant instanceof Double) {
      return 2;
    }
    if (constant instanceof ConstantDynamic) {
      return ((ConstantDynamic) constant).getSize();
    }
    return 1;
  }

  private void push(int size) {
    if (depth == sizes.length) {
      sizes = Arrays.copyOf(sizes, depth * 2);
    }
    sizes[depth++] = size;
  }

  /** Pops {@code values} values and pushes one of {@code size} words (none when 0). */
  private boolean replace(int values, int size) {
    if (values > depth) {
      return false;
    }
    depth -= values;
    if (size > 0) {
      push(size);
    }
    return true;
  }

  /** Pops the values that take exactly the top {@code words} words; null when a value straddles them. */
  private int[] popWords(int words) {
    int taken = 0;
    int count = 0;
    while (taken < words) {
      if (count == depth) {
        return null;
      }
      taken += sizes[depth - 1 - count];
      count++;
    }
    if (taken != words) {
      return null;
    }
    int[] values = Arrays.copyOfRange(sizes, depth - count, depth);
    depth -= count;
    return values;
  }

  /**
   * The {@code dup} family: the values in the top {@code words} words are copied beneath the {@code
   * under} words below them.
   */
  private boolean duplicate(int words, int under) {
    int[] top = popWords(words);
    int[] below = under == 0 ? new int[0] : popWords(under);
    if (top == null || below == null) {
      return false;
    }
    pushAll(top);
    pushAll(below);
    pushAll(top);
    return true;
  }

  private void pushAll(int[] values) {
    for (int size : values) {
      push(size);
    }
  }
}
