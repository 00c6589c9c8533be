package dev.perfagent.agent.weave;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** A method as its class file declares it ({@link ClassFacts}). */
public final class MethodFacts {
  final int access;
  final String name;
  final String descriptor;
  /** The generic signature, null when the method has none. */
  final String signature;
  /** The annotations the method declares, as descriptors. */
  final List<String> annotations;

  MethodFacts(int access, String name, String descriptor, String signature, List<String> annotations) {
    this.access = access;
    this.name = name;
    this.descriptor = descriptor;
    this.signature = signature;
    this.annotations = annotations;
  }

  /** A method with code of its own: not a constructor, abstract, native, bridge nor synthetic. */
  boolean isWeavable() {
    return !name.startsWith("<")
        && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) == 0;
  }

  /** Neither a constructor nor a class initializer. */
  public boolean isMethod() {
    return !name.startsWith("<");
  }

  boolean isStatic() {
    return (access & Opcodes.ACC_STATIC) != 0;
  }

  Type[] parameters() {
    return Type.getArgumentTypes(descriptor);
  }

  Type returned() {
    return Type.getReturnType(descriptor);
  }

  boolean isAnnotatedWith(String binaryName) {
    return named(annotations, binaryName);
  }

  /** {@code handle(com.acme.Conversation)}; arrays as {@code byte[]}. */
  public String signature() {
    StringBuilder s = new StringBuilder(name).append('(');
    Type[] parameters = parameters();
    for (int i = 0; i < parameters.length; i++) {
      s.append(i == 0 ? "" : ", ").append(parameters[i].getClassName());
    }
    return s.append(')').toString();
  }

  /** Whether one of the type {@code descriptors} ({@code Lcom/acme/Traced;}) names class {@code binaryName}. */
  static boolean named(List<String> descriptors, String binaryName) {
    String internalName = binaryName.replace('.', '/');
    for (String descriptor : descriptors) {
      if (descriptor.length() == internalName.length() + 2
          && descriptor.regionMatches(1, internalName, 0, internalName.length())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name + descriptor;
  }
}
