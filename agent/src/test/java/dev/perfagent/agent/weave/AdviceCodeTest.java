package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The advice written by ASM, checked by the JVM's own verifier: every concrete method of the classes
 * of real libraries ({@link LibraryClassFiles}) is woven with each advice shape, several pointcuts at once, and the classes are defined and linked
 * ({@code getDeclaredMethods()} links a class, which verifies its stack map frames, without
 * initializing it).
 */
class AdviceCodeTest {
  private static final int CLASSES_PER_JAR = 1_000;

  @Test
  void everyShapeInEveryMethodOfRealLibrariesPassesTheVerifier() throws Exception {
    List<Path> jars = LibraryClassFiles.jars();
    int verified = 0;
    List<String> failures = new ArrayList<>();
    // the libraries in loaders of their own: a class defined here and by the test's loader too
    // would leave that loader a constraint its own copy then breaks
    try (URLClassLoader libraries = new URLClassLoader(urls(jars), new AgentOnlyLoader(getClass().getClassLoader()))) {
      for (Path jar : jars) {
        verified += verifyWoven(jar, libraries, failures);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
    assertTrue(verified > 2_000, verified + " classes verified");
  }

  @Test
  void codeTheJavaCompilerNeverWritesIsWovenToo() throws Exception {
    // a class file before Java 6 has no stack map frames, and a return may leave values beneath its own
    for (int version : new int[] {Opcodes.V1_4, Opcodes.V11}) {
      byte[] original = handWritten(version);
      Map<String, List<MethodAdvice>> advice = new HashMap<>();
      advice.put("leftOnStack()I", List.of(
          new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.SPAN, 1, new int[] {-1, -1, -1}, true, -1),
          new MethodAdvice(MethodAdvice.Enter.TIMER, MethodAdvice.Exit.AGGREGATE, 2, new int[] {-1, -1, -1}, false, -1)));
      advice.put("guarded(I)I", List.of(
          new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.SPAN, 5, new int[] {0, -1, -1}, true, -1)));
      advice.put("caught(J)J", List.of(
          new MethodAdvice(MethodAdvice.Enter.FLOWING, MethodAdvice.Exit.SPAN, 3, new int[] {0, -1, -1}, true, -1),
          new MethodAdvice(MethodAdvice.Enter.NONE, MethodAdvice.Exit.NOTE, 4, new int[] {0, -1, -1}, false, -1)));
      Class<?> woven = new DefiningLoader(Map.of("fixture.HandWritten", ClassRewrite.of(original, advice)),
          getClass().getClassLoader()).loadClass("fixture.HandWritten");
      assertEquals(2, woven.getMethod("leftOnStack").invoke(null), "version " + version);
      assertEquals(-1L, woven.getMethod("caught", long.class).invoke(null, 7L), "version " + version);
      assertEquals(5, woven.getMethod("guarded", int.class).invoke(null, 5), "version " + version);
    }
  }

  @Test
  void aMethodTheAdviceWouldTakePastTheJvmsLimitIsLeftAsItWasAndTheOthersAreWoven() throws Exception {
    ClassWriter writer = classNamed("fixture/Huge", Opcodes.V11);
    // 10,000 returns: some 60 KB of code, past 64 KB once each keeps its value and jumps to the exit
    MethodVisitor m = staticMethod(writer, "huge", "(I)I");
    Label[] cases = new Label[10_000];
    for (int i = 0; i < cases.length; i++) {
      cases[i] = new Label();
    }
    Label otherwise = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitTableSwitchInsn(0, cases.length - 1, otherwise, cases);
    for (Label label : cases) {
      m.visitLabel(label);
      m.visitInsn(Opcodes.ICONST_1);
      m.visitInsn(Opcodes.IRETURN);
    }
    m.visitLabel(otherwise);
    m.visitInsn(Opcodes.ICONST_0);
    m.visitInsn(Opcodes.IRETURN);
    end(m);
    m = staticMethod(writer, "small", "(I)I");
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitInsn(Opcodes.IRETURN);
    end(m);
    writer.visitEnd();
    List<MethodAdvice> three = new ArrayList<>();
    for (int site = 0; site < 3; site++) {
      three.add(new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.SPAN, site, new int[] {0, -1, -1}, true, -1));
    }
    List<String> tooLarge = new ArrayList<>();
    byte[] woven = ClassRewrite.of(writer.toByteArray(), Map.of("huge(I)I", three, "small(I)I", three), tooLarge::add);
    assertEquals(List.of("huge(I)I"), tooLarge);
    Class<?> type = new DefiningLoader(Map.of("fixture.Huge", woven), getClass().getClassLoader()).loadClass("fixture.Huge");
    assertEquals(1, type.getMethod("huge", int.class).invoke(null, 7));
    assertEquals(7, type.getMethod("small", int.class).invoke(null, 7));
    assertTrue(woven.length > 60_000, "the huge method is still there, unwoven");
    assertTrue(new String(woven, StandardCharsets.ISO_8859_1).contains("dev/perfagent/bootstrap/Recorder"),
        "the small method is woven");
  }

  /**
   * {@code static int leftOnStack()} returns 2 with 1 left beneath it; {@code static int guarded(int)}
   * does the same with its argument inside a {@code try} whose handler reads the argument;
   * {@code static long caught(long)} throws and catches inside itself, then returns -1.
   */
  private static byte[] handWritten(int version) {
    ClassWriter writer = classNamed("fixture/HandWritten", version);
    MethodVisitor m = staticMethod(writer, "leftOnStack", "()I");
    m.visitInsn(Opcodes.ICONST_1);
    m.visitInsn(Opcodes.ICONST_2);
    m.visitInsn(Opcodes.IRETURN);
    end(m);
    m = staticMethod(writer, "guarded", "(I)I");
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label tryHandler = new Label();
    m.visitTryCatchBlock(tryStart, tryEnd, tryHandler, "java/lang/RuntimeException");
    m.visitLabel(tryStart);
    m.visitInsn(Opcodes.ICONST_1);
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(tryEnd);
    m.visitLabel(tryHandler);
    m.visitInsn(Opcodes.POP);
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitInsn(Opcodes.IRETURN);
    end(m);
    m = staticMethod(writer, "caught", "(J)J");
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    m.visitTryCatchBlock(start, end, handler, "java/lang/IllegalStateException");
    m.visitLabel(start);
    m.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    m.visitInsn(Opcodes.DUP);
    m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
    m.visitInsn(Opcodes.ATHROW);
    m.visitLabel(end);
    m.visitLabel(handler);
    m.visitInsn(Opcodes.POP);
    m.visitLdcInsn(-1L);
    m.visitInsn(Opcodes.LRETURN);
    end(m);
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static ClassWriter classNamed(String internalName, int version) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(version, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
    return writer;
  }

  private static MethodVisitor staticMethod(ClassWriter writer, String name, String descriptor) {
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, descriptor, null, null);
    m.visitCode();
    return m;
  }

  private static void end(MethodVisitor m) {
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** Weaves up to {@link #CLASSES_PER_JAR} classes of {@code jar}, links each; returns how many linked. */
  private int verifyWoven(Path jar, ClassLoader libraries, List<String> failures) {
    Map<String, byte[]> woven = new LinkedHashMap<>();
    LibraryClassFiles.forEach(jar, CLASSES_PER_JAR,
        (name, original) -> woven.put(name, ClassRewrite.of(original, everyMethod(original))));
    ClassLoader loader = new DefiningLoader(woven, libraries);
    int linked = 0;
    for (String name : woven.keySet()) {
      try {
        Class.forName(name, false, loader).getDeclaredMethods();
        linked++;
      } catch (VerifyError | ClassFormatError e) {
        failures.add(name + ": " + e);
      } catch (LinkageError | ClassNotFoundException e) {
        // a class it needs is not on this class path (an optional dependency): not the advice's doing
      }
    }
    return linked;
  }

  /** For each concrete method, three pointcuts' advice, their shapes turning with the method. */
  private static Map<String, List<MethodAdvice>> everyMethod(byte[] classFile) {
    Map<String, List<MethodAdvice>> advice = new HashMap<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      int turn;

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && !name.startsWith("<")) {
          List<MethodAdvice> shapes = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            shapes.add(shape(turn++, Type.getArgumentTypes(descriptor), Type.getReturnType(descriptor)));
          }
          advice.put(name + descriptor, shapes);
        }
        return null;
      }
    }, ClassReader.SKIP_DEBUG);
    return advice;
  }

  private static MethodAdvice shape(int turn, Type[] parameters, Type returned) {
    int[] arguments = {0, 1, 2};
    boolean objectReturned = returned.getSort() == Type.OBJECT || returned.getSort() == Type.ARRAY;
    boolean objectFirst = parameters.length > 0
        && (parameters[0].getSort() == Type.OBJECT || parameters[0].getSort() == Type.ARRAY);
    switch (turn % 7) {
      case 0:
        return new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.SPAN, 1, arguments, true, -1);
      case 1:
        return new MethodAdvice(MethodAdvice.Enter.FLOWING, MethodAdvice.Exit.SPAN, 2, arguments, false, -1);
      case 2:
        return new MethodAdvice(MethodAdvice.Enter.TIMER, MethodAdvice.Exit.AGGREGATE, 3, arguments, false, -1);
      case 3:
        return new MethodAdvice(MethodAdvice.Enter.NONE, MethodAdvice.Exit.NOTE, 4, arguments, false, -1);
      case 4:
        return objectReturned
            ? new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.FOLLOWING, 5, arguments, true, -1)
            : new MethodAdvice(MethodAdvice.Enter.SPAN, MethodAdvice.Exit.SPAN, 5, new int[] {-1, -1, -1}, false, -1);
      case 5:
        return objectFirst
            ? new MethodAdvice(MethodAdvice.Enter.CALLBACK, MethodAdvice.Exit.CALLBACK, 6, arguments, false, 0)
            : new MethodAdvice(MethodAdvice.Enter.FLOWING, MethodAdvice.Exit.CALLBACK, 6, arguments, false, -1);
      default:
        return objectFirst
            ? new MethodAdvice(MethodAdvice.Enter.POOL_METRICS, MethodAdvice.Exit.NONE, 7, arguments, false, -1)
            : new MethodAdvice(MethodAdvice.Enter.NONE, MethodAdvice.Exit.NOTE, 7, arguments, false, -1);
    }
  }

  private static URL[] urls(List<Path> jars) throws IOException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    return urls;
  }

  /** The agent's classes (the woven code's {@code Recorder}) from the test's loader; the JDK's; nothing else. */
  private static final class AgentOnlyLoader extends ClassLoader {
    private final ClassLoader agent;

    AgentOnlyLoader(ClassLoader agent) {
      super(ClassLoader.getPlatformClassLoader());
      this.agent = agent;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      return name.startsWith("dev.perfagent.") ? agent.loadClass(name) : super.loadClass(name, resolve);
    }
  }

  /** Defines the woven classes itself (so that a package's classes share one runtime package); the rest from its parent. */
  private static final class DefiningLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    DefiningLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> known = findLoadedClass(name);
        if (known != null) {
          return known;
        }
        byte[] bytes = classes.get(name);
        return bytes == null ? super.loadClass(name, resolve) : defineClass(name, bytes, 0, bytes.length);
      }
    }
  }
}
