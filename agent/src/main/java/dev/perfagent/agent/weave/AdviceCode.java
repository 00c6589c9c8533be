package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Writes the {@link MethodAdvice} of the pointcuts that weave a method into its code (read with
 * {@code ClassReader.EXPAND_FRAMES}); for one pointcut:
 * <pre>
 *   frame = null; self = this; a = arg; ...            the values the exit reads, as the call starts
 *   try { frame = Recorder.enter(site); } catch (Throwable t) { }
 *   ...the method's code, each return becoming {@code returned = value; goto exit;}
 *   ...and, around all of it:
 *   catch (Throwable thrown) {
 *     try { Recorder.exit(frame, self, a, b, c, null, thrown); } catch (Throwable t) { }
 *     throw thrown;
 *   }
 *   exit:
 *     try { Recorder.exit(frame, self, a, b, c, returned, null); } catch (Throwable t) { }
 *     return returned;
 * </pre>
 * Nothing the advice does can change what the method does: whatever a {@code Recorder} call throws is
 * dropped. The added locals come after the method's own; the frames the code had are given them, and
 * the frames added here declare none of the method's own locals but the parameters as the call starts,
 * so the method's use of its locals is never assumed. With several pointcuts, all their locals are
 * set first, their enter calls are made the first pointcut's first (in one {@code try}), their exit
 * calls in the reverse order (each span inside the one before, each exit call in a {@code try} of its
 * own).
 *
 * <p>A return that leaves values beneath its own on the stack (no compiler writes one; the method's
 * frames tell, {@link ReturnStacks}) cannot jump to a block shared with the others: there the exit
 * calls are written in place, in one {@code try}, and the method's own exception ranges are cut around
 * them so that its handlers never see the advice.
 */
final class AdviceCode {
  private static final String RECORDER = Type.getInternalName(Recorder.class);
  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String FRAME_DESC = "L" + FRAME + ";";
  /** The most the advice pushes at once: eight values, one of them a long being boxed. */
  private static final int ADDED_STACK = 10;

  private final MethodNode method;
  private final String owner;
  /** Outermost first. */
  private final List<Woven> advice = new ArrayList<>();
  private final boolean frames;
  private final boolean isStatic;
  private final Type[] parameters;
  private final int[] parameterSlots;
  private final Type returned;
  /** The frame types of {@code this} and the parameters as the call starts. */
  private final List<Object> startLocals = new ArrayList<>();
  /** The frame types of the locals added, from slot {@link #ownLocals} on. */
  private final List<Object> added = new ArrayList<>();
  private final int ownLocals;
  private int nextLocal;
  /** The value returned at a return, the exception thrown in the handler: never both at once. */
  private final int endSlot;

  /** One pointcut's advice and the locals it keeps. */
  private static final class Woven {
    final MethodAdvice advice;
    int enterSlot = -1;
    int selfSlot = -1;
    final int[] copies = {-1, -1, -1};

    Woven(MethodAdvice advice) {
      this.advice = advice;
    }
  }

  private AdviceCode(MethodNode method, String owner, int classVersion, List<MethodAdvice> pointcuts) {
    this.method = method;
    this.owner = owner;
    int major = classVersion & 0xFFFF;
    this.frames = major >= Opcodes.V1_6;
    this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    this.parameters = Type.getArgumentTypes(method.desc);
    this.returned = Type.getReturnType(method.desc);
    int slot = 0;
    if (!isStatic) {
      startLocals.add(owner);
      slot++;
    }
    this.parameterSlots = new int[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      parameterSlots[i] = slot;
      startLocals.add(FrameTypes.of(parameters[i]));
      slot += parameters[i].getSize();
    }
    this.ownLocals = method.maxLocals;
    this.nextLocal = ownLocals;
    for (MethodAdvice a : pointcuts) {
      if (major < Opcodes.V1_5 && a.needsClassConstant()) {
        throw new IllegalStateException("the class file's version (" + major
            + ") cannot hold the class constant this pointcut's advice passes");
      }
      advice.add(locals(a));
    }
    this.endSlot = nextLocal;
  }

  private Woven locals(MethodAdvice a) {
    Woven w = new Woven(a);
    if (a.opensFrame()) {
      w.enterSlot = addLocal(FRAME, 1);
    } else if (a.enter == MethodAdvice.Enter.TIMER) {
      w.enterSlot = addLocal(Opcodes.LONG, 2);
    }
    if (a.exitReadsValues()) {
      if (!isStatic) {
        w.selfSlot = addLocal(owner, 1);
      }
      for (int i = 0; i < w.copies.length; i++) {
        int p = parameter(a, i);
        if (p >= 0) {
          w.copies[i] = addLocal(FrameTypes.of(parameters[p]), parameters[p].getSize());
        }
      }
    }
    return w;
  }

  /**
   * Writes {@code advice} (the pointcuts', outermost first) into {@code method}, a method of class
   * {@code owner} (internal name) whose class file has version {@code classVersion}.
   */
  static void weave(MethodNode method, String owner, int classVersion, List<MethodAdvice> advice) {
    new AdviceCode(method, owner, classVersion, advice).weave();
  }

  private void weave() {
    // before the method's code changes: where each return stands (every return can jump to one exit
    // block when each leaves nothing beneath its value, as compilers write them)
    boolean sharedExit = any(w -> w.advice.exit != MethodAdvice.Exit.NONE)
        && ReturnStacks.onlyTheirValue(owner, method, frames);
    if (frames) {
      for (AbstractInsnNode node : method.instructions) {
        if (node instanceof FrameNode) {
          FrameNode frame = (FrameNode) node;
          frame.local = withAdded(frame.local);
        }
      }
    }
    InsnList start = enterCode();
    LabelNode body = new LabelNode();
    start.add(body);
    method.instructions.insert(start);
    LabelNode exit = new LabelNode();
    if (sharedExit) {
      jumpToExit(exit);
    } else if (any(w -> w.advice.exit != MethodAdvice.Exit.NONE)) {
      replaceReturns();
    }
    if (any(w -> w.advice.exitsOnThrow())) {
      addThrowHandler(body);
    }
    if (sharedExit) {
      // after the throw handler's range: what the exit calls throw is theirs alone
      addExit(exit);
    }
    method.maxLocals = endSlot + Math.max(1, returned.getSize());
    method.maxStack += ADDED_STACK;
  }

  private boolean any(Predicate<Woven> test) {
    for (Woven w : advice) {
      if (test.test(w)) {
        return true;
      }
    }
    return false;
  }

  /** Sets the added locals, then makes the enter calls. */
  private InsnList enterCode() {
    InsnList code = new InsnList();
    for (Woven w : advice) {
      if (w.advice.opensFrame()) {
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ASTORE, w.enterSlot));
      } else if (w.advice.enter == MethodAdvice.Enter.TIMER) {
        code.add(new InsnNode(Opcodes.LCONST_0));
        code.add(new VarInsnNode(Opcodes.LSTORE, w.enterSlot));
      }
      if (w.selfSlot >= 0) {
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new VarInsnNode(Opcodes.ASTORE, w.selfSlot));
      }
      for (int i = 0; i < w.copies.length; i++) {
        if (w.copies[i] >= 0) {
          int p = parameter(w.advice, i);
          code.add(new VarInsnNode(parameters[p].getOpcode(Opcodes.ILOAD), parameterSlots[p]));
          code.add(new VarInsnNode(parameters[p].getOpcode(Opcodes.ISTORE), w.copies[i]));
        }
      }
    }
    if (any(w -> w.advice.enter != MethodAdvice.Enter.NONE)) {
      addEnterCalls(code);
    }
    return code;
  }

  private void addEnterCalls(InsnList code) {
    addSuppressed(code, withAdded(startLocals), calls -> {
      for (Woven w : advice) {
        addEnterCall(calls, w);
      }
    });
    // the method's code may have a frame at its first instruction: not at the same offset as this one
    code.add(new InsnNode(Opcodes.NOP));
  }

  private void addEnterCall(InsnList code, Woven w) {
    MethodAdvice a = w.advice;
    switch (a.enter) {
      case NONE:
        break;
      case TIMER:
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false));
        code.add(new VarInsnNode(Opcodes.LSTORE, w.enterSlot));
        break;
      case SPAN:
        code.add(new LdcInsnNode(a.site));
        code.add(recorder("enter", "(I)" + FRAME_DESC));
        code.add(new VarInsnNode(Opcodes.ASTORE, w.enterSlot));
        break;
      case FLOWING:
      case CALLBACK:
        code.add(new LdcInsnNode(a.site));
        code.add(isStatic ? new InsnNode(Opcodes.ACONST_NULL) : new VarInsnNode(Opcodes.ALOAD, 0));
        for (int i = 0; i < w.copies.length; i++) {
          int p = parameter(a, i);
          if (p < 0) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
          } else {
            code.add(new VarInsnNode(parameters[p].getOpcode(Opcodes.ILOAD), parameterSlots[p]));
            box(code, parameters[p]);
          }
        }
        code.add(recorder("enterFlowing", "(I" + OBJECT + OBJECT + OBJECT + OBJECT + ")" + FRAME_DESC));
        code.add(new VarInsnNode(Opcodes.ASTORE, w.enterSlot));
        if (a.enter == MethodAdvice.Enter.CALLBACK) {
          code.add(new VarInsnNode(Opcodes.ALOAD, w.enterSlot));
          replaceParameter(code, a.callback,
              recorder("followCallback", "(" + FRAME_DESC + OBJECT + "Ljava/lang/Class;)" + OBJECT));
        }
        break;
      case POOL_METRICS:
        code.add(new LdcInsnNode(a.site));
        code.add(isStatic ? new InsnNode(Opcodes.ACONST_NULL) : new VarInsnNode(Opcodes.ALOAD, 0));
        replaceParameter(code, 0,
            recorder("poolMetrics", "(I" + OBJECT + OBJECT + "Ljava/lang/Class;)" + OBJECT));
        break;
      default:
        throw new IllegalStateException("no enter call for " + a.enter);
    }
  }

  /** {@code parameter = (T) call(..., parameter, T.class)}, the values before it already pushed. */
  private void replaceParameter(InsnList code, int index, MethodInsnNode call) {
    Type type = parameters[index];
    code.add(new VarInsnNode(Opcodes.ALOAD, parameterSlots[index]));
    addClassConstant(code, type);
    code.add(call);
    code.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getInternalName()));
    code.add(new VarInsnNode(Opcodes.ASTORE, parameterSlots[index]));
  }

  /** Each return of the method's code: its value kept, then a jump to {@code exit}. */
  private void jumpToExit(LabelNode exit) {
    for (AbstractInsnNode node : method.instructions.toArray()) {
      int opcode = node.getOpcode();
      if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
        continue;
      }
      InsnList code = new InsnList();
      if (returned.getSort() != Type.VOID) {
        code.add(new VarInsnNode(returned.getOpcode(Opcodes.ISTORE), endSlot));
      }
      code.add(new JumpInsnNode(Opcodes.GOTO, exit));
      method.instructions.insertBefore(node, code);
      method.instructions.remove(node);
    }
  }

  /** The one exit block every return jumps to: the exit calls, each in its own {@code try}, then the return. */
  private void addExit(LabelNode exit) {
    boolean value = returned.getSort() != Type.VOID;
    List<Object> locals = withAdded(List.of());
    if (value) {
      locals.add(FrameTypes.of(returned));
    }
    InsnList code = new InsnList();
    code.add(exit);
    addFrame(code, locals);
    for (int i = advice.size() - 1; i >= 0; i--) {
      Woven w = advice.get(i);
      if (w.advice.exit != MethodAdvice.Exit.NONE) {
        addSuppressed(code, locals, exitCode -> addExitCall(exitCode, w, false));
      }
    }
    addReturn(code, value, returned.getOpcode(Opcodes.IRETURN));
    method.instructions.add(code);
  }

  /**
   * {@code call}'s code in a {@code try} of its own, whatever it throws dropped; the stack is empty
   * before and after, the locals are {@code locals}.
   */
  private void addSuppressed(InsnList code, List<Object> locals, Consumer<InsnList> call) {
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    LabelNode next = new LabelNode();
    method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, THROWABLE));
    code.add(start);
    call.accept(code);
    code.add(end);
    code.add(new JumpInsnNode(Opcodes.GOTO, next));
    code.add(handler);
    addFrame(code, locals, THROWABLE);
    code.add(new InsnNode(Opcodes.POP));
    code.add(next);
    addFrame(code, locals);
  }

  /**
   * Each return of the method's code, where a value may lie beneath the returned one: the value
   * kept, the exit calls made in one {@code try}, the value (or its stand-in) returned.
   */
  private void replaceReturns() {
    boolean value = returned.getSort() != Type.VOID;
    List<TryCatchBlockNode> methodsOwn = new ArrayList<>(method.tryCatchBlocks);
    for (AbstractInsnNode node : method.instructions.toArray()) {
      int opcode = node.getOpcode();
      if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
        continue;
      }
      LabelNode blockStart = new LabelNode();
      LabelNode blockEnd = new LabelNode();
      InsnList code = new InsnList();
      code.add(blockStart);
      if (value) {
        code.add(new VarInsnNode(returned.getOpcode(Opcodes.ISTORE), endSlot));
      }
      LabelNode start = new LabelNode();
      LabelNode end = new LabelNode();
      LabelNode handler = new LabelNode();
      method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, THROWABLE));
      code.add(start);
      addExitCalls(code);
      code.add(end);
      addReturn(code, value, opcode);
      code.add(handler);
      List<Object> locals = withAdded(List.of());
      if (value) {
        locals.add(FrameTypes.of(returned));
      }
      addFrame(code, locals, THROWABLE);
      code.add(new InsnNode(Opcodes.POP));
      addReturn(code, value, opcode);
      code.add(blockEnd);
      method.instructions.insertBefore(node, code);
      method.instructions.remove(node);
      leaveOut(methodsOwn, blockStart, blockEnd);
    }
  }

  /**
   * Cuts the range of each of the method's own exception handlers that covers the code from {@code
   * from} to {@code to} (written here at a return) in two: the method's handlers do not see what the
   * advice does, and their frames need not fit the advice's.
   */
  private void leaveOut(List<TryCatchBlockNode> methodsOwn, LabelNode from, LabelNode to) {
    InsnList code = method.instructions;
    int position = code.indexOf(from);
    for (TryCatchBlockNode block : new ArrayList<>(methodsOwn)) {
      if (code.indexOf(block.start) > position || code.indexOf(block.end) <= position) {
        continue;
      }
      int at = method.tryCatchBlocks.indexOf(block);
      method.tryCatchBlocks.remove(at);
      methodsOwn.remove(block);
      // each part only if it holds code: a handler's range cannot be empty
      if (hasCode(to, block.end)) {
        TryCatchBlockNode after = new TryCatchBlockNode(to, block.end, block.handler, block.type);
        method.tryCatchBlocks.add(at, after);
        methodsOwn.add(after);
      }
      if (hasCode(block.start, from)) {
        TryCatchBlockNode before = new TryCatchBlockNode(block.start, from, block.handler, block.type);
        method.tryCatchBlocks.add(at, before);
        methodsOwn.add(before);
      }
    }
  }

  /** Whether an instruction lies between the two labels. */
  private static boolean hasCode(LabelNode from, LabelNode to) {
    for (AbstractInsnNode node = from.getNext(); node != null && node != to; node = node.getNext()) {
      if (node.getOpcode() >= 0) {
        return true;
      }
    }
    return false;
  }

  private void addReturn(InsnList code, boolean value, int opcode) {
    if (value) {
      code.add(new VarInsnNode(returned.getOpcode(Opcodes.ILOAD), endSlot));
    }
    code.add(new InsnNode(opcode));
  }

  /**
   * After the method's code: the handler of whatever it throws, from {@code body} on; the exit calls
   * each in a {@code try} of its own, then the exception thrown again.
   */
  private void addThrowHandler(LabelNode body) {
    LabelNode bodyEnd = new LabelNode();
    LabelNode handler = new LabelNode();
    InsnList code = new InsnList();
    code.add(bodyEnd);
    code.add(handler);
    addFrame(code, withAdded(List.of()), THROWABLE);
    code.add(new VarInsnNode(Opcodes.ASTORE, endSlot));
    List<Object> locals = withAdded(List.of());
    locals.add(THROWABLE);
    for (int i = advice.size() - 1; i >= 0; i--) {
      Woven w = advice.get(i);
      if (w.advice.exitsOnThrow()) {
        addSuppressed(code, locals, exitCode -> addExitCall(exitCode, w, true));
      }
    }
    code.add(new VarInsnNode(Opcodes.ALOAD, endSlot));
    code.add(new InsnNode(Opcodes.ATHROW));
    method.instructions.add(code);
    method.tryCatchBlocks.add(new TryCatchBlockNode(body, bodyEnd, handler, THROWABLE));
  }

  /** The exit calls at a return, the innermost first. */
  private void addExitCalls(InsnList code) {
    for (int i = advice.size() - 1; i >= 0; i--) {
      Woven w = advice.get(i);
      if (w.advice.exit != MethodAdvice.Exit.NONE) {
        addExitCall(code, w, false);
      }
    }
  }

  /**
   * One exit call; {@code thrown}: with the exception (in {@link #endSlot}), else at a return (the
   * value, if any, in {@link #endSlot}).
   */
  private void addExitCall(InsnList code, Woven w, boolean thrown) {
    MethodAdvice a = w.advice;
    switch (a.exit) {
      case SPAN:
        addFrameAndValues(code, w);
        addReturned(code, thrown || !a.passesReturn);
        addThrown(code, thrown);
        code.add(recorder("exit", "(" + FRAME_DESC + OBJECT + OBJECT + OBJECT + OBJECT + OBJECT
            + "Ljava/lang/Throwable;)V"));
        break;
      case FOLLOWING:
        addFrameAndValues(code, w);
        addReturned(code, thrown);
        addThrown(code, thrown);
        addClassConstant(code, returned);
        code.add(recorder("exitFollowing", "(" + FRAME_DESC + OBJECT + OBJECT + OBJECT + OBJECT + OBJECT
            + "Ljava/lang/Throwable;Ljava/lang/Class;)" + OBJECT));
        if (thrown || !isReference(returned)) {
          code.add(new InsnNode(Opcodes.POP));
        } else {
          code.add(new TypeInsnNode(Opcodes.CHECKCAST, returned.getInternalName()));
          code.add(new VarInsnNode(Opcodes.ASTORE, endSlot));
        }
        break;
      case CALLBACK:
        addFrameAndValues(code, w);
        addThrown(code, thrown);
        code.add(recorder("exitCallback", "(" + FRAME_DESC + OBJECT + OBJECT + OBJECT + OBJECT
            + "Ljava/lang/Throwable;)V"));
        break;
      case AGGREGATE:
        code.add(new LdcInsnNode(a.site));
        code.add(new VarInsnNode(Opcodes.LLOAD, w.enterSlot));
        code.add(recorder("aggregate", "(IJ)V"));
        break;
      case NOTE:
        code.add(new LdcInsnNode(a.site));
        addValues(code, w);
        addReturned(code, false);
        code.add(recorder("note", "(I" + OBJECT + OBJECT + OBJECT + OBJECT + OBJECT + ")V"));
        break;
      default:
        throw new IllegalStateException("no exit call for " + a.exit);
    }
  }

  private void addFrameAndValues(InsnList code, Woven w) {
    code.add(new VarInsnNode(Opcodes.ALOAD, w.enterSlot));
    addValues(code, w);
  }

  /** {@code this} and the three arguments, as the call started (null where there is none). */
  private void addValues(InsnList code, Woven w) {
    code.add(w.selfSlot < 0 ? new InsnNode(Opcodes.ACONST_NULL) : new VarInsnNode(Opcodes.ALOAD, w.selfSlot));
    for (int i = 0; i < w.copies.length; i++) {
      if (w.copies[i] < 0) {
        code.add(new InsnNode(Opcodes.ACONST_NULL));
      } else {
        Type type = parameters[parameter(w.advice, i)];
        code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), w.copies[i]));
        box(code, type);
      }
    }
  }

  private void addReturned(InsnList code, boolean none) {
    if (none || returned.getSort() == Type.VOID) {
      code.add(new InsnNode(Opcodes.ACONST_NULL));
    } else {
      code.add(new VarInsnNode(returned.getOpcode(Opcodes.ILOAD), endSlot));
      box(code, returned);
    }
  }

  private void addThrown(InsnList code, boolean thrown) {
    code.add(thrown ? new VarInsnNode(Opcodes.ALOAD, endSlot) : new InsnNode(Opcodes.ACONST_NULL));
  }

  private void addFrame(InsnList code, List<Object> locals, Object... stack) {
    if (frames) {
      code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack));
    }
  }

  /** {@code locals} (a frame's), padded to the method's own locals, then the locals added. */
  private List<Object> withAdded(List<Object> locals) {
    List<Object> all = new ArrayList<>(locals);
    int slots = 0;
    for (Object type : locals) {
      slots += FrameTypes.slots(type);
    }
    for (; slots < ownLocals; slots++) {
      all.add(Opcodes.TOP);
    }
    all.addAll(added);
    return all;
  }

  private int addLocal(Object frameType, int size) {
    int slot = nextLocal;
    added.add(frameType);
    nextLocal += size;
    return slot;
  }

  /** The parameter {@code a} passes as value {@code i} (a, b, c), or -1. */
  private int parameter(MethodAdvice a, int i) {
    int p = a.arguments[i];
    return p < parameters.length ? p : -1;
  }

  private static MethodInsnNode recorder(String name, String descriptor) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, name, descriptor, false);
  }

  private static boolean isReference(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
  }

  /** {@code T.class}: a constant, or the wrapper's {@code TYPE} for a primitive. */
  private static void addClassConstant(InsnList code, Type type) {
    if (isReference(type)) {
      code.add(new LdcInsnNode(type));
    } else {
      code.add(new FieldInsnNode(Opcodes.GETSTATIC, wrapper(type).getInternalName(), "TYPE", "Ljava/lang/Class;"));
    }
  }

  /** A primitive on the stack, as its wrapper ({@code Integer.valueOf}); a reference is left as it is. */
  private static void box(InsnList code, Type type) {
    if (!isReference(type)) {
      Type wrapper = wrapper(type);
      code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
          Type.getMethodDescriptor(wrapper, type), false));
    }
  }

  private static Type wrapper(Type primitive) {
    switch (primitive.getSort()) {
      case Type.BOOLEAN:
        return Type.getType(Boolean.class);
      case Type.CHAR:
        return Type.getType(Character.class);
      case Type.BYTE:
        return Type.getType(Byte.class);
      case Type.SHORT:
        return Type.getType(Short.class);
      case Type.INT:
        return Type.getType(Integer.class);
      case Type.FLOAT:
        return Type.getType(Float.class);
      case Type.LONG:
        return Type.getType(Long.class);
      case Type.DOUBLE:
        return Type.getType(Double.class);
      default:
        return Type.getType(Void.class);
    }
  }
}
