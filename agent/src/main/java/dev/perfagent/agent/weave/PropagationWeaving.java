package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Propagation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.slf4j.Logger;

/**
 * Weaves the JDK executors of {@link ExecutorPropagation} with ASM alone (no Byte Buddy: five or six
 * classes, each method the same few instructions). At the start of each woven method the task
 * argument is replaced by {@code (TaskType) Propagation.wrap(task, kind)}: one that carries the
 * current span's context, or the task itself when no span is open. Whatever the call throws is
 * caught and the method goes on with the task it was given, so the advice can never fail the
 * application's call. Only code is added: no member, no signature changes, so the classes already
 * loaded are retransformed.
 */
final class PropagationWeaving implements ClassFileTransformer {
  private static final String PROPAGATION = Type.getInternalName(Propagation.class);
  private static final String WRAP = Type.getMethodDescriptor(Type.getType(Object.class), Type.getType(Object.class), Type.INT_TYPE);

  private final Logger log;

  PropagationWeaving(Logger log) {
    this.log = log;
  }

  /**
   * Registers the transformer and retransforms the executors already loaded (they are loaded first:
   * all of them are woven now or never, whichever thread loads one). Failures are logged, never
   * thrown.
   */
  static void install(Instrumentation inst, Logger log) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : ExecutorPropagation.classNames()) {
      try {
        classes.add(Class.forName(name, false, null));
      } catch (ClassNotFoundException e) {
        // not in this JDK (virtual threads before 21)
      }
    }
    try {
      // java.base must read the module of the bootstrap classes the woven code calls
      inst.redefineModule(
          Object.class.getModule(), Set.of(Propagation.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
      inst.addTransformer(new PropagationWeaving(log), true);
      inst.retransformClasses(classes.toArray(new Class<?>[0]));
    } catch (Throwable t) {
      log.warn("perf-agent: the JDK executors could not be woven, work handed to them starts new traces: {}",
          t.toString());
    }
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (loader != null || className == null || !ExecutorPropagation.classNames().contains(className.replace('/', '.'))) {
      return null;
    }
    try {
      ClassReader reader = new ClassReader(bytes);
      ClassWriter writer = new ClassWriter(reader, 0);
      Woven woven = new Woven(writer, className.replace('/', '.'));
      reader.accept(woven, ClassReader.EXPAND_FRAMES);
      if (woven.methods == 0) {
        return null;
      }
      log.debug("perf-agent: woven {} ({} methods, for context propagation)", woven.name, woven.methods);
      return writer.toByteArray();
    } catch (Throwable t) {
      log.warn("perf-agent: could not weave {} for context propagation, work handed to it starts new traces: {}",
          className.replace('/', '.'), t.toString());
      return null;
    }
  }

  /** The class, with each of its methods that take a task wrapped. */
  private static final class Woven extends ClassVisitor {
    final String name;
    private String internalName;
    int methods;

    Woven(ClassVisitor next, String name) {
      super(Opcodes.ASM9, next);
      this.name = name;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      internalName = name;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, method, descriptor, signature, exceptions);
      if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
          || method.startsWith("<") || !ExecutorPropagation.named(name, method)) {
        return next;
      }
      Type[] arguments = Type.getArgumentTypes(descriptor);
      int task = ExecutorPropagation.taskParameter(arguments);
      if (task < 0) {
        return next;
      }
      methods++;
      return new TaskWrapping(next, (access & Opcodes.ACC_STATIC) != 0 ? null : internalName, arguments, task,
          ExecutorPropagation.kind(method, arguments[task]));
    }
  }

  /**
   * Puts before the method's code:
   * <pre>
   *   try { task = (TaskType) Propagation.wrap(task, kind); } catch (Throwable t) { }
   * </pre>
   * The frames are full ({@link ClassReader#EXPAND_FRAMES}): the arguments as the method starts. A
   * {@code nop} starts the original code, so a frame the method has at its first instruction (a
   * loop) does not fall on the same instruction as the one added here.
   */
  private static final class TaskWrapping extends MethodVisitor {
    private final Object[] locals;
    private final int slot;
    private final Type taskType;
    private final int kind;

    /** @param owner the class, for {@code this}; null for a static method */
    TaskWrapping(MethodVisitor next, String owner, Type[] arguments, int task, int kind) {
      super(Opcodes.ASM9, next);
      List<Object> frame = new ArrayList<>();
      int slot = 0;
      if (owner != null) {
        frame.add(owner);
        slot++;
      }
      int taskSlot = -1;
      for (int i = 0; i < arguments.length; i++) {
        if (i == task) {
          taskSlot = slot;
        }
        frame.add(FrameTypes.of(arguments[i]));
        slot += arguments[i].getSize();
      }
      this.locals = frame.toArray();
      this.slot = taskSlot;
      this.taskType = arguments[task];
      this.kind = kind;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      Label body = new Label();
      super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
      super.visitLabel(start);
      super.visitVarInsn(Opcodes.ALOAD, slot);
      super.visitLdcInsn(kind);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, PROPAGATION, "wrap", WRAP, false);
      super.visitTypeInsn(Opcodes.CHECKCAST, taskType.getInternalName());
      super.visitVarInsn(Opcodes.ASTORE, slot);
      super.visitLabel(end);
      super.visitJumpInsn(Opcodes.GOTO, body);
      super.visitLabel(handler);
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
      super.visitInsn(Opcodes.POP);
      super.visitLabel(body);
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
      super.visitInsn(Opcodes.NOP);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 2), maxLocals);
    }
  }
}
