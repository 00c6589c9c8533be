package dev.perfagent.agent.readonly;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * One class file read for the analysis. Only the method asked for is turned into a tree: a class's
 * other methods (a Kotlin model class has hundreds) are skipped unparsed.
 */
final class ClassFile {
  private final ClassReader reader;

  private ClassFile(ClassReader reader) {
    this.reader = reader;
  }

  /** The class file of {@code internalName} as {@code loader} sees it; throws {@link Refused}. */
  static ClassFile read(ClassLoader loader, String internalName) {
    String name = TrustedMethods.binaryName(internalName);
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      if (in == null) {
        throw new Refused("the bytecode of " + name + " is not available");
      }
      return new ClassFile(new ClassReader(in));
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("the bytecode of " + name + " could not be read: " + e);
    }
  }

  String name() {
    return reader.getClassName();
  }

  /** The superclass's internal name; null for {@code java.lang.Object}. */
  String superName() {
    return reader.getSuperName();
  }

  String[] interfaces() {
    return reader.getInterfaces();
  }

  /** The declared method {@code name desc} with its instructions, or null. */
  MethodNode method(String name, String desc) {
    MethodNode[] found = new MethodNode[1];
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String methodName, String methodDesc, String signature, String[] exceptions) {
            if (found[0] != null || !methodName.equals(name) || !methodDesc.equals(desc)) {
              return null;
            }
            found[0] = new MethodNode(access, methodName, methodDesc, signature, exceptions);
            return found[0];
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }
}
