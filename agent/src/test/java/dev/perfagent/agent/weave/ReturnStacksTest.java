package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class ReturnStacksTest {
  @Test
  void agreesWithAsmsAnalysisOnEveryMethodOfRealLibraries() throws Exception {
    int[] answered = {0};
    int[] methods = {0};
    List<String> disagreements = new ArrayList<>();
    for (Path jar : LibraryClassFiles.jars()) {
      LibraryClassFiles.forEach(jar, Integer.MAX_VALUE, (name, classFile) -> {
        for (MethodNode method : methodsOf(classFile)) {
          methods[0]++;
          Boolean fromFrames = ReturnStacks.fromFrames(method);
          if (fromFrames == null) {
            continue;
          }
          answered[0]++;
          if (fromFrames != analyzed(name, method)) {
            disagreements.add(name + "." + method.name + method.desc + ": " + fromFrames);
          }
        }
      });
    }
    assertEquals(List.of(), disagreements.subList(0, Math.min(5, disagreements.size())));
    assertTrue(methods[0] > 50_000, methods[0] + " methods");
    // every method of these class files has the frames the pass needs
    assertEquals(methods[0], answered[0]);
  }

  @Test
  void aReturnWithValuesBeneathItsOwnIsSeenWhateverTheirSizes() {
    assertFalse(onlyTheirValue("()J", m -> {
      m.visitInsn(Opcodes.ICONST_1);
      m.visitInsn(Opcodes.LCONST_1);
      m.visitInsn(Opcodes.LRETURN);
    }));
    assertFalse(onlyTheirValue("()V", m -> {
      m.visitInsn(Opcodes.DCONST_0);
      m.visitInsn(Opcodes.RETURN);
    }));
    // dup2 of a long and of two ints, dup_x2 beneath a long, swap, then all popped but the returned value
    assertTrue(onlyTheirValue("()J", m -> {
      m.visitInsn(Opcodes.LCONST_1);
      m.visitInsn(Opcodes.DUP2);
      m.visitInsn(Opcodes.ICONST_1);
      m.visitInsn(Opcodes.DUP_X2);
      m.visitInsn(Opcodes.POP);
      m.visitInsn(Opcodes.POP2);
      m.visitInsn(Opcodes.POP);
      m.visitInsn(Opcodes.ICONST_1);
      m.visitInsn(Opcodes.ICONST_2);
      m.visitInsn(Opcodes.DUP2);
      m.visitInsn(Opcodes.SWAP);
      m.visitInsn(Opcodes.POP2);
      m.visitInsn(Opcodes.POP2);
      m.visitInsn(Opcodes.LRETURN);
    }));
    // the stack at a branch's target comes from its frame: one int left beneath on one path only
    assertFalse(onlyTheirValue("(I)I", m -> branch(m, Opcodes.ICONST_3)));
    assertTrue(onlyTheirValue("(I)I", m -> branch(m, Opcodes.NOP)));
  }

  @Test
  void withoutFramesItDoesNotSay() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC, "fixture/Old", null, "java/lang/Object", null);
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "branch", "(I)I", null, null);
    m.visitCode();
    branch(m, Opcodes.NOP);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    assertNull(ReturnStacks.fromFrames(methodsOf(writer.toByteArray()).get(0)));
  }

  /** {@code return arg0 == 0 ? 2 : 1}, with {@code extra} (an instruction without operand) pushed before the 2. */
  private static void branch(MethodVisitor m, int extra) {
    Label other = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFEQ, other);
    m.visitInsn(Opcodes.ICONST_1);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(other);
    m.visitInsn(extra);
    m.visitInsn(Opcodes.ICONST_2);
    m.visitInsn(Opcodes.IRETURN);
  }

  private interface Code {
    void write(MethodVisitor m);
  }

  private static boolean onlyTheirValue(String descriptor, Code code) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "fixture/Stacks", null, "java/lang/Object", null);
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", descriptor, null, null);
    m.visitCode();
    code.write(m);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    MethodNode method = methodsOf(writer.toByteArray()).get(0);
    Boolean answer = ReturnStacks.fromFrames(method);
    assertEquals(analyzed("fixture.Stacks", method), answer, "ASM's analysis");
    return answer;
  }

  private static List<MethodNode> methodsOf(byte[] classFile) {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type, ClassReader.EXPAND_FRAMES);
    List<MethodNode> concrete = new ArrayList<>();
    for (MethodNode method : type.methods) {
      if (method.instructions.size() > 0) {
        concrete.add(method);
      }
    }
    return concrete;
  }

  private static boolean analyzed(String owner, MethodNode method) {
    return ReturnStacks.analyzed(owner.replace('.', '/'), method);
  }
}
