package dev.perfagent.agent.weave;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the weaver knows of a class: its name, modifiers, direct supertypes, annotations, methods and
 * fields, read from its class file without its code ({@link #read}), or from the class when it is
 * loaded and its class file cannot be read ({@link #of}). The modifiers are those the class is
 * declared with, a nested one's too, as reflection shows them.
 */
public final class ClassFacts {
  final String internalName;
  /** {@code com.acme.Outer$Inner}: asked of every candidate by every pointcut, so made once. */
  private final String binaryName;
  final int access;
  /** Null for {@code java.lang.Object}. */
  final String superName;
  final String[] interfaces;
  /** The annotations the class declares, as descriptors ({@code Lcom/acme/Traced;}). */
  final List<String> annotations;
  final List<MethodFacts> methods;
  final List<FieldFacts> fields;
  /** False when reflection could not show all members of a loaded class ({@link #of}). */
  final boolean complete;

  private ClassFacts(
      String internalName, int access, String superName, String[] interfaces, List<String> annotations,
      List<MethodFacts> methods, List<FieldFacts> fields, boolean complete) {
    this.internalName = internalName;
    this.binaryName = internalName.replace('/', '.');
    this.access = access;
    this.superName = superName;
    this.interfaces = interfaces == null ? new String[0] : interfaces;
    this.annotations = annotations;
    this.methods = methods;
    this.fields = fields;
    this.complete = complete;
  }

  /** The class of {@code classFile}; throws what ASM throws for bytes that are not a class file. */
  static ClassFacts read(byte[] classFile) {
    Reader reader = new Reader();
    new ClassReader(classFile).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return reader.facts;
  }

  /**
   * {@code type} as reflection shows it: no generic signatures; members or annotations reflection
   * cannot show (a type they name is missing) are left out.
   */
  static ClassFacts of(Class<?> type) {
    List<String> annotations = new ArrayList<>();
    List<MethodFacts> methods = new ArrayList<>();
    List<FieldFacts> fields = new ArrayList<>();
    boolean complete = true;
    try {
      annotations.addAll(descriptors(type.getDeclaredAnnotations()));
      for (Method m : type.getDeclaredMethods()) {
        methods.add(new MethodFacts(m.getModifiers() | (m.isBridge() ? Opcodes.ACC_BRIDGE : 0)
            | (m.isSynthetic() ? Opcodes.ACC_SYNTHETIC : 0), m.getName(), Type.getMethodDescriptor(m), null,
            descriptors(m.getDeclaredAnnotations())));
      }
      for (Field f : type.getDeclaredFields()) {
        fields.add(new FieldFacts(f.getModifiers(), f.getName(), Type.getDescriptor(f.getType()), null));
      }
    } catch (LinkageError | RuntimeException e) {
      complete = false; // what reflection could show is kept, marked as not all
    }
    Class<?>[] direct = type.getInterfaces();
    String[] interfaces = new String[direct.length];
    for (int i = 0; i < direct.length; i++) {
      interfaces[i] = Type.getInternalName(direct[i]);
    }
    int access = type.getModifiers() | (type.isSynthetic() ? Opcodes.ACC_SYNTHETIC : 0)
        | (type.isAnnotation() ? Opcodes.ACC_ANNOTATION : 0);
    String superName = type.getSuperclass() == null
        ? (type.isInterface() ? "java/lang/Object" : null) : Type.getInternalName(type.getSuperclass());
    return new ClassFacts(
        Type.getInternalName(type), access, superName, interfaces, annotations, methods, fields, complete);
  }

  private static List<String> descriptors(Annotation[] annotations) {
    List<String> descriptors = new ArrayList<>(annotations.length);
    for (Annotation a : annotations) {
      descriptors.add(Type.getDescriptor(a.annotationType()));
    }
    return descriptors;
  }

  /** The binary name: {@code com.acme.Outer$Inner}. */
  public String name() {
    return binaryName;
  }

  public List<MethodFacts> methods() {
    return methods;
  }

  boolean isInterface() {
    return (access & Opcodes.ACC_INTERFACE) != 0;
  }

  boolean isPublic() {
    return (access & Opcodes.ACC_PUBLIC) != 0;
  }

  boolean isFinal() {
    return (access & Opcodes.ACC_FINAL) != 0;
  }

  boolean isSynthetic() {
    return (access & Opcodes.ACC_SYNTHETIC) != 0;
  }

  /** Whether the class declares an annotation of type {@code binaryName}. */
  boolean isAnnotatedWith(String binaryName) {
    return MethodFacts.named(annotations, binaryName);
  }

  /** The direct supertypes' internal names: the superclass first, then the interfaces. */
  String[] directSupertypes() {
    if (superName == null) {
      return interfaces;
    }
    String[] all = new String[interfaces.length + 1];
    all[0] = superName;
    System.arraycopy(interfaces, 0, all, 1, interfaces.length);
    return all;
  }

  @Override
  public String toString() {
    return name();
  }

  private static final class Reader extends ClassVisitor {
    private String name;
    private int access;
    private String superName;
    private String[] interfaces;
    private final List<String> annotations = new ArrayList<>(2);
    private final List<MethodFacts> methods = new ArrayList<>();
    private final List<FieldFacts> fields = new ArrayList<>();
    ClassFacts facts;

    Reader() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      this.name = name;
      this.access = access;
      this.superName = superName;
      this.interfaces = interfaces;
    }

    /**
     * A nested class's own entry: its modifiers as declared ({@code protected}, {@code static}),
     * which the class file's access flags do not keep (javac writes a protected one as public).
     */
    @Override
    public void visitInnerClass(String inner, String outerName, String innerName, int innerAccess) {
      if (inner.equals(name)) {
        access = innerAccess | (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_SYNTHETIC));
      }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      annotations.add(descriptor);
      return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      fields.add(new FieldFacts(access, name, descriptor, signature));
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      List<String> declared = new ArrayList<>(0);
      methods.add(new MethodFacts(access, name, descriptor, signature, declared));
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          declared.add(annotation);
          return null;
        }
      };
    }

    @Override
    public void visitEnd() {
      facts = new ClassFacts(name, access, superName, interfaces, annotations, methods, fields, true);
    }
  }
}
