package dev.perfagent.agent.weave;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * A class file with advice written into some of its methods ({@link AdviceCode}); every other part of
 * it is written back as it was read. Only code changes: no member, no signature, so that classes
 * already loaded can be retransformed.
 */
final class ClassRewrite {
  private ClassRewrite() {}

  /**
   * {@code classFile} with the advice of {@code woven} (by method name and descriptor, outermost
   * first) in its methods.
   */
  static byte[] of(byte[] classFile, Map<String, List<MethodAdvice>> woven) {
    return of(classFile, woven, method -> { });
  }

  /**
   * As above; a method whose code the advice would take past the JVM's 64 KB is left as it was and
   * given (name and descriptor) to {@code tooLarge}, the others are woven.
   */
  static byte[] of(byte[] classFile, Map<String, List<MethodAdvice>> woven, Consumer<String> tooLarge) {
    Map<String, List<MethodAdvice>> left = new HashMap<>(woven);
    while (true) {
      try {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new Advised(writer, left), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
      } catch (MethodTooLargeException e) {
        String method = e.getMethodName() + e.getDescriptor();
        if (left.remove(method) == null || left.isEmpty()) {
          throw e;
        }
        tooLarge.accept(method);
      }
    }
  }

  private static final class Advised extends ClassVisitor {
    private final Map<String, List<MethodAdvice>> woven;
    private String owner;
    private int version;

    Advised(ClassVisitor next, Map<String, List<MethodAdvice>> woven) {
      super(Opcodes.ASM9, next);
      this.woven = woven;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      this.owner = name;
      this.version = version;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      List<MethodAdvice> advice = woven.get(name + descriptor);
      if (advice == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        return next;
      }
      return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
        @Override
        public void visitEnd() {
          AdviceCode.weave(this, owner, version, advice);
          accept(next);
        }
      };
    }
  }
}
