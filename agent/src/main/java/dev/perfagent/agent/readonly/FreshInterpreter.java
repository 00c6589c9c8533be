package dev.perfagent.agent.readonly;

import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Runs one method's instructions over {@link Fresh} values and throws {@link Refused} at the first
 * one that could change state the method did not create: a field or array write into an object it
 * did not allocate, a static field write outside its own class's initializer, a lock, an
 * {@code invokedynamic} other than string concatenation or a lambda, or a call the
 * {@link CallPolicy} refuses. Sizes of values come from ASM's {@link BasicInterpreter}.
 */
final class FreshInterpreter extends Interpreter<Fresh> {
  /** What the interpreter asks about the code the method reaches. */
  interface CallPolicy {
    /** Throws {@link Refused} when {@code call} may change state; returns whether its result is new. */
    boolean call(MethodInsnNode call, boolean receiverCreated);

    /** Throws {@link Refused} when initializing class {@code internalName} may change state. */
    void initialization(String internalName);
  }

  private static final BasicInterpreter SIZES = new BasicInterpreter();

  private final String owner;
  private final boolean classInitializer;
  private final boolean receiverCreated;
  private final CallPolicy policy;

  FreshInterpreter(String owner, String method, boolean receiverCreated, CallPolicy policy) {
    super(Opcodes.ASM9);
    this.owner = owner;
    this.classInitializer = "<clinit>".equals(method);
    this.receiverCreated = receiverCreated;
    this.policy = policy;
  }

  @Override
  public Fresh newValue(Type type) {
    if (type == Type.VOID_TYPE) {
      return null;
    }
    return type == null ? Fresh.ONE : Fresh.ofSize(type.getSize());
  }

  @Override
  public Fresh newParameterValue(boolean isInstanceMethod, int local, Type type) {
    return isInstanceMethod && local == 0 && receiverCreated ? Fresh.NEW : newValue(type);
  }

  @Override
  public Fresh newOperation(AbstractInsnNode insn) throws AnalyzerException {
    switch (insn.getOpcode()) {
      case Opcodes.NEW:
        policy.initialization(((TypeInsnNode) insn).desc);
        return Fresh.NEW;
      case Opcodes.GETSTATIC:
        initializationOf(((FieldInsnNode) insn).owner);
        break;
      default:
        break;
    }
    return sized(SIZES.newOperation(insn));
  }

  @Override
  public Fresh copyOperation(AbstractInsnNode insn, Fresh value) {
    return value;
  }

  @Override
  public Fresh unaryOperation(AbstractInsnNode insn, Fresh value) throws AnalyzerException {
    switch (insn.getOpcode()) {
      case Opcodes.NEWARRAY:
      case Opcodes.ANEWARRAY:
        return Fresh.NEW;
      case Opcodes.CHECKCAST:
        return value;
      case Opcodes.PUTSTATIC:
        FieldInsnNode field = (FieldInsnNode) insn;
        if (!(classInitializer && field.owner.equals(owner))) {
          throw new Refused("it writes static field " + TrustedMethods.binaryName(field.owner) + "." + field.name);
        }
        return null;
      case Opcodes.MONITORENTER:
      case Opcodes.MONITOREXIT:
        throw new Refused("it takes a lock");
      default:
        return sized(SIZES.unaryOperation(insn, BasicValue.REFERENCE_VALUE));
    }
  }

  @Override
  public Fresh binaryOperation(AbstractInsnNode insn, Fresh value1, Fresh value2) throws AnalyzerException {
    if (insn.getOpcode() == Opcodes.PUTFIELD && !value1.created) {
      FieldInsnNode field = (FieldInsnNode) insn;
      throw new Refused("it writes field " + TrustedMethods.binaryName(field.owner) + "." + field.name);
    }
    return sized(SIZES.binaryOperation(insn, BasicValue.REFERENCE_VALUE, BasicValue.REFERENCE_VALUE));
  }

  @Override
  public Fresh ternaryOperation(AbstractInsnNode insn, Fresh array, Fresh index, Fresh value) {
    if (!array.created) {
      throw new Refused("it writes into an array it did not create");
    }
    return null;
  }

  @Override
  public Fresh naryOperation(AbstractInsnNode insn, List<? extends Fresh> values) throws AnalyzerException {
    Fresh size = sized(SIZES.naryOperation(insn, null));
    switch (insn.getOpcode()) {
      case Opcodes.MULTIANEWARRAY:
        return Fresh.NEW;
      case Opcodes.INVOKEDYNAMIC:
        checkDynamic((InvokeDynamicInsnNode) insn);
        return size;
      case Opcodes.INVOKESTATIC:
        initializationOf(((MethodInsnNode) insn).owner);
        return policy.call((MethodInsnNode) insn, false) ? Fresh.NEW : size;
      default:
        boolean receiverNew = values.get(0).created;
        return policy.call((MethodInsnNode) insn, receiverNew) && size != null ? Fresh.NEW : size;
    }
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, Fresh value, Fresh expected) {}

  @Override
  public Fresh merge(Fresh value1, Fresh value2) {
    return value1.merge(value2);
  }

  private void initializationOf(String internalName) {
    if (!internalName.equals(owner)) {
      policy.initialization(internalName);
    }
  }

  private static void checkDynamic(InvokeDynamicInsnNode insn) {
    Handle bootstrap = insn.bsm;
    if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")
        && !bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
      throw new Refused("it uses invokedynamic through " + TrustedMethods.binaryName(bootstrap.getOwner()));
    }
  }

  private static Fresh sized(BasicValue value) {
    return value == null ? null : Fresh.ofSize(value.getSize());
  }
}
