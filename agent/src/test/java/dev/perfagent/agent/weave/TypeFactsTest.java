package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class TypeFactsTest {
  /** Defines classes from bytes: none of them has a class file its loader exposes, as another agent's run-time interfaces. */
  private static final class BytesOnlyLoader extends ClassLoader {
    BytesOnlyLoader() {
      super(TypeFactsTest.class.getClassLoader());
    }

    Class<?> define(byte[] bytes) {
      return defineClass(null, bytes, 0, bytes.length);
    }
  }

  private static byte[] type(String name, int access, String superName, String... interfaces) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V11, access, name, null, superName, interfaces);
    writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "marker", "()V", null, null).visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void aClassWithoutAClassFileIsDescribedFromTheLoadedClass() {
    BytesOnlyLoader loader = new BytesOnlyLoader();
    loader.define(type("fixture/facts/Runtime", Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
        "java/lang/Object", "java/util/concurrent/Callable"));
    TypeFacts types = TypeFacts.of(loader, new SupertypeNames());
    ClassFacts runtime = types.find("fixture/facts/Runtime");
    assertTrue(runtime.isInterface() && runtime.isPublic(), "from the loaded class's modifiers");
    assertEquals(List.of("marker"), runtime.methods.stream().map(m -> m.name).collect(Collectors.toList()));
    assertTrue(types.isAssignableTo(runtime, "java/util/concurrent/Callable"));

    // a class read from its bytes whose supertype has no class file: the walk goes through the loaded one
    ClassFacts user = ClassFacts.read(type("fixture/facts/User", Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT,
        "java/lang/Object", "fixture/facts/Runtime"));
    assertTrue(types.isAssignableTo(user, "java/util/concurrent/Callable"));
    assertFalse(types.isAssignableTo(user, "java/lang/Runnable"));
  }

  @Test
  void aClassMissingEverywhereIsAMissingTypeNamedInTheUsersTerms() {
    TypeFacts types = TypeFacts.of(new BytesOnlyLoader(), new SupertypeNames());
    assertNull(types.find("fixture/facts/Gone"));
    MissingType missing = assertThrows(MissingType.class, () -> types.require("fixture/facts/Gone"));
    assertEquals("fixture.facts.Gone", missing.getMessage());
    // a supertype that cannot be described: a match found elsewhere answers, else the missing one is named
    ClassFacts orphan = ClassFacts.read(
        type("fixture/facts/Orphan", Opcodes.ACC_PUBLIC, "fixture/facts/Gone", "java/lang/Runnable"));
    assertTrue(types.isAssignableTo(orphan, "java/lang/Runnable"));
    MissingType unknown = assertThrows(MissingType.class, () -> types.isAssignableTo(orphan, "java/io/Closeable"));
    assertEquals("fixture.facts.Gone", unknown.getMessage());
  }

  /** javac writes this interface's class file as public; it is declared protected. */
  protected interface Protected {}

  @Test
  void aNestedClassHasTheModifiersItIsDeclaredWith() {
    TypeFacts types = TypeFacts.of(name -> TypeFacts.resource(TypeFactsTest.class.getClassLoader(), name));
    ClassFacts nested = types.find(org.objectweb.asm.Type.getInternalName(Protected.class));
    assertTrue(nested.isInterface());
    assertFalse(nested.isPublic(), "protected, as reflection says");
  }

  @Test
  void aClassPathAloneIsReadAsFilesAndNothingIsLoaded() {
    byte[] bytes = type("fixture/facts/OnPath", Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "java/lang/Object");
    TypeFacts types = TypeFacts.of(name -> name.equals("fixture/facts/OnPath") ? bytes : null);
    assertTrue(types.find("fixture/facts/OnPath").isFinal());
    assertNull(types.find(Callable.class.getName().replace('.', '/')), "not on this class path, and not loaded from elsewhere");
  }
}
