package dev.perfagent.agent.readonly;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Proves from bytecode that calling a method cannot change state that existed before the call. The
 * method and everything it calls are interpreted over {@link Fresh} values ({@link
 * FreshInterpreter}); the JDK is judged by {@link TrustedMethods} instead. The analysis is bounded:
 * past {@value #MAX_METHODS} methods or {@value #MAX_DEPTH} calls deep the method is refused.
 */
final class ReadOnlyAnalysis {
  static final int MAX_METHODS = 300;
  static final int MAX_DEPTH = 16;

  private final TrustedMethods trusted;

  ReadOnlyAnalysis(TrustedMethods trusted) {
    this.trusted = trusted;
  }

  /** Why calling {@code method} may change state, or null when it cannot. */
  String refusal(Method method) {
    Class<?> declaring = method.getDeclaringClass();
    Run run = new Run(declaring.getClassLoader());
    try {
      run.method(Type.getInternalName(declaring), method.getName(), Type.getMethodDescriptor(method), false);
      return null;
    } catch (Refused refused) {
      return refused.getMessage();
    }
  }

  /** One analysis: the classes read and the methods verified so far, for one class loader. */
  private final class Run implements FreshInterpreter.CallPolicy {
    private final ClassLoader loader;
    private final Map<String, ClassFile> classes = new HashMap<>();
    private final Set<String> verified = new HashSet<>();
    private final Set<String> initialized = new HashSet<>();
    private int methods;
    private int depth;

    Run(ClassLoader loader) {
      this.loader = loader == null ? ClassLoader.getSystemClassLoader() : loader;
    }

    void method(String owner, String name, String desc, boolean receiverCreated) {
      if (trusted.decides(owner)) {
        String why = trusted.refusal(owner, name, desc, receiverCreated);
        if (why != null) {
          throw new Refused(why);
        }
        return;
      }
      ClassFile type = classFile(owner);
      MethodNode method = type.method(name, desc);
      if (method == null) {
        inherited(type, name, desc, receiverCreated);
        return;
      }
      // a method being verified further up the chain is assumed fine: a cycle adds no new code
      if (!verified.add(owner + '.' + name + desc + receiverCreated)) {
        return;
      }
      if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        throw new Refused("it has no bytecode to verify (abstract or native)");
      }
      if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
        throw new Refused("it takes a lock (synchronized)");
      }
      if (++methods > MAX_METHODS || depth >= MAX_DEPTH) {
        throw new Refused("too much code to verify (over " + MAX_METHODS + " methods or "
            + MAX_DEPTH + " calls deep)");
      }
      depth++;
      try {
        new Analyzer<>(new FreshInterpreter(owner, name, receiverCreated, this)).analyze(owner, method);
      } catch (AnalyzerException e) {
        if (e.getCause() instanceof Refused) {
          throw (Refused) e.getCause();
        }
        throw new Refused("its bytecode could not be analysed: " + e.getMessage());
      } finally {
        depth--;
      }
    }

    /** A method {@code type} does not declare: the superclass's, else an interface's default. */
    private void inherited(ClassFile type, String name, String desc, boolean receiverCreated) {
      if (type.superName() != null && declares(type.superName(), name, desc)) {
        method(type.superName(), name, desc, receiverCreated);
        return;
      }
      for (String face : type.interfaces()) {
        if (declares(face, name, desc)) {
          method(face, name, desc, receiverCreated);
          return;
        }
      }
      throw new Refused("it was not found in " + TrustedMethods.binaryName(type.name()));
    }

    private boolean declares(String owner, String name, String desc) {
      if (trusted.decides(owner)) {
        return true;
      }
      ClassFile type = classFile(owner);
      if (type.method(name, desc) != null) {
        return true;
      }
      if (type.superName() != null && declares(type.superName(), name, desc)) {
        return true;
      }
      for (String face : type.interfaces()) {
        if (declares(face, name, desc)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean call(MethodInsnNode call, boolean receiverCreated) {
      if (call.name.equals("toString") && call.desc.equals("()Ljava/lang/String;")) {
        return false;
      }
      try {
        method(call.owner, call.name, call.desc, receiverCreated);
      } catch (Refused refused) {
        throw refused.via("calls " + TrustedMethods.binaryName(call.owner) + "." + call.name + "()");
      }
      return receiverCreated && trusted.returnsReceiver(call.owner, call.name);
    }

    @Override
    public void initialization(String internalName) {
      if (trusted.decides(internalName) || !initialized.add(internalName)) {
        return;
      }
      ClassFile type = classFile(internalName);
      if (type.superName() != null) {
        initialization(type.superName());
      }
      if (type.method("<clinit>", "()V") != null) {
        try {
          method(internalName, "<clinit>", "()V", false);
        } catch (Refused refused) {
          throw refused.via("initializes " + TrustedMethods.binaryName(internalName));
        }
      }
    }

    private ClassFile classFile(String internalName) {
      return classes.computeIfAbsent(internalName, name -> ClassFile.read(loader, name));
    }
  }
}
