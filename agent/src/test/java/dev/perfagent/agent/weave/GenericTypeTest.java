package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class GenericTypeTest {
  /** Declarations whose generic types the path check reads. */
  @SuppressWarnings("unused")
  static class Declarations<T> {
    List<String> names;
    Map<String, List<Integer>> byKey;
    T[] variables;
    int[][] grid;
    Outer<String>.Inner<Long> inner;

    Optional<List<? extends Number>> wildcard(List<?> any, T variable, String plain) {
      return null;
    }

    <R> CompletableFuture<R> future() {
      return null;
    }
  }

  @SuppressWarnings("unused")
  static class Outer<A> {
    class Inner<B> {}
  }

  private static final TypeFacts TYPES =
      TypeFacts.of(name -> TypeFacts.resource(GenericTypeTest.class.getClassLoader(), name));
  private static final ClassFacts DECLARATIONS = TYPES.find(Type.getInternalName(Declarations.class));

  private static GenericType field(String name) {
    return GenericType.of(DECLARATIONS.fields.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow());
  }

  private static MethodFacts method(String name) {
    return DECLARATIONS.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
  }

  @Test
  void parameterizedTypesKeepTheirArguments() {
    GenericType names = field("names");
    assertEquals("java/util/List", names.className());
    assertEquals("java/lang/String", names.firstArgument().className());
    GenericType byKey = field("byKey");
    assertEquals(2, byKey.arguments.size());
    assertEquals("java/lang/Integer", byKey.arguments.get(1).firstArgument().className());
  }

  @Test
  void arraysHaveTheirElementTypes() {
    GenericType variables = field("variables");
    assertTrue(variables.isArray());
    assertSame(GenericType.VARIABLE, variables.component, "an array of a type variable");
    GenericType grid = field("grid");
    assertEquals("[[I", grid.erasure.getDescriptor());
    assertTrue(grid.component.component.isPrimitive());
  }

  @Test
  void anInnerClassHasItsOwnArgumentsNotItsOuterOnes() {
    GenericType inner = field("inner");
    assertEquals(Type.getInternalName(Outer.Inner.class), inner.className());
    assertEquals(List.of("java/lang/Long"), List.of(inner.firstArgument().className()));
    assertEquals(1, inner.arguments.size());
  }

  @Test
  void variablesAndWildcardsAreUnknown() {
    MethodFacts wildcard = method("wildcard");
    GenericType returned = GenericType.returned(wildcard);
    assertEquals("java/util/Optional", returned.className());
    assertSame(GenericType.VARIABLE, returned.firstArgument().firstArgument(), "? extends Number");
    assertSame(GenericType.VARIABLE, GenericType.parameter(wildcard, 0).firstArgument(), "?");
    assertSame(GenericType.VARIABLE, GenericType.parameter(wildcard, 1));
    assertEquals("java/lang/String", GenericType.parameter(wildcard, 2).className());
    assertSame(GenericType.VARIABLE, GenericType.returned(method("future")).firstArgument());
  }

  @Test
  void withoutASignatureTheDescriptorSays() {
    GenericType raw = GenericType.raw("java/util/List");
    assertEquals("java/util/List", raw.className());
    assertNull(raw.firstArgument());
  }
}
