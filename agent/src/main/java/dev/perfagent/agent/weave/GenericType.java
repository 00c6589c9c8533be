package dev.perfagent.agent.weave;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * A type as a declaration states it, read from its generic signature (or its descriptor when it has
 * none): the erased type and, for a parameterized class, its type arguments. A type variable or a
 * wildcard is {@link #VARIABLE}: nothing is known of it.
 */
final class GenericType {
  /** A type variable or a wildcard. */
  static final GenericType VARIABLE = new GenericType(Type.getObjectType("java/lang/Object"), List.of(), null);

  /** The erased type: a primitive, a class, an array. */
  final Type erasure;
  /** Empty unless the type is parameterized. */
  final List<GenericType> arguments;
  /** For an array, its element type; null otherwise. */
  final GenericType component;

  private GenericType(Type erasure, List<GenericType> arguments, GenericType component) {
    this.erasure = erasure;
    this.arguments = arguments;
    this.component = component;
  }

  /** The raw type of class {@code internalName}. */
  static GenericType raw(String internalName) {
    return of(Type.getObjectType(internalName));
  }

  private static GenericType of(Type erasure) {
    GenericType component = erasure.getSort() == Type.ARRAY
        ? of(Type.getType(erasure.getDescriptor().substring(1))) : null;
    return new GenericType(erasure, List.of(), component);
  }

  /** The declared return type of {@code method}. */
  static GenericType returned(MethodFacts method) {
    if (method.signature != null) {
      MethodReader reader = read(method.signature);
      if (reader != null && reader.returned.done) {
        return reader.returned.type;
      }
    }
    return of(method.returned());
  }

  /** The declared type of parameter {@code index} of {@code method}. */
  static GenericType parameter(MethodFacts method, int index) {
    Type[] erased = method.parameters();
    if (method.signature != null) {
      MethodReader reader = read(method.signature);
      // a signature may leave out parameters the compiler added (an inner class's outer instance)
      if (reader != null && reader.parameters.size() == erased.length) {
        return reader.parameters.get(index).type;
      }
    }
    return of(erased[index]);
  }

  /** The declared type of {@code field}. */
  static GenericType of(FieldFacts field) {
    if (field.signature != null) {
      try {
        Builder builder = new Builder();
        new SignatureReader(field.signature).acceptType(builder);
        if (builder.done) {
          return builder.type;
        }
      } catch (RuntimeException e) {
        // a malformed signature: the descriptor says enough
      }
    }
    return of(Type.getType(field.descriptor));
  }

  private static MethodReader read(String signature) {
    try {
      MethodReader reader = new MethodReader();
      new SignatureReader(signature).accept(reader);
      return reader;
    } catch (RuntimeException e) {
      return null;
    }
  }

  boolean isPrimitive() {
    return erasure.getSort() < Type.ARRAY;
  }

  boolean isArray() {
    return erasure.getSort() == Type.ARRAY;
  }

  /** The internal name of a class type; null for primitives and arrays. */
  String className() {
    return erasure.getSort() == Type.OBJECT ? erasure.getInternalName() : null;
  }

  /** The first type argument of a parameterized type; null when it is not parameterized. */
  GenericType firstArgument() {
    return arguments.isEmpty() ? null : arguments.get(0);
  }

  /** The parameter and return types of a method signature. */
  private static final class MethodReader extends SignatureVisitor {
    final List<Builder> parameters = new ArrayList<>();
    Builder returned = new Builder();

    MethodReader() {
      super(Opcodes.ASM9);
    }

    @Override
    public SignatureVisitor visitParameterType() {
      Builder b = new Builder();
      parameters.add(b);
      return b;
    }

    @Override
    public SignatureVisitor visitReturnType() {
      return returned;
    }

    @Override
    public SignatureVisitor visitClassBound() {
      return new Builder();
    }

    @Override
    public SignatureVisitor visitInterfaceBound() {
      return new Builder();
    }

    @Override
    public SignatureVisitor visitExceptionType() {
      return new Builder();
    }
  }

  /** Builds one type of a signature; {@link #type} is set once it is read whole. */
  private static final class Builder extends SignatureVisitor {
    GenericType type;
    boolean done;
    private int dimensions;
    private String className;
    private final List<Builder> arguments = new ArrayList<>(2);

    Builder() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visitBaseType(char descriptor) {
      finish(Type.getType(String.valueOf(descriptor)), null);
    }

    @Override
    public void visitTypeVariable(String name) {
      finish(null, null);
    }

    @Override
    public SignatureVisitor visitArrayType() {
      dimensions++;
      return this;
    }

    @Override
    public void visitClassType(String name) {
      className = name;
    }

    @Override
    public void visitInnerClassType(String name) {
      className = className + "$" + name;
      arguments.clear(); // the outer class's arguments are not the inner one's
    }

    @Override
    public void visitTypeArgument() {
      arguments.add(null); // <?>
    }

    @Override
    public SignatureVisitor visitTypeArgument(char wildcard) {
      Builder argument = new Builder();
      // <? extends T> and <? super T> are wildcards: what they hold is not known exactly
      arguments.add(wildcard == SignatureVisitor.INSTANCEOF ? argument : null);
      return argument;
    }

    @Override
    public void visitEnd() {
      List<GenericType> types = new ArrayList<>(arguments.size());
      for (Builder b : arguments) {
        types.add(b == null ? VARIABLE : b.type);
      }
      finish(Type.getObjectType(className), types);
    }

    /** {@code element} null: a type variable. */
    private void finish(Type element, List<GenericType> typeArguments) {
      GenericType t = element == null ? VARIABLE
          : new GenericType(element, typeArguments == null ? List.of() : typeArguments, null);
      for (int i = 0; i < dimensions; i++) {
        Type array = Type.getType("[" + t.erasure.getDescriptor());
        t = new GenericType(array, List.of(), t);
      }
      type = t;
      done = true;
    }
  }
}
