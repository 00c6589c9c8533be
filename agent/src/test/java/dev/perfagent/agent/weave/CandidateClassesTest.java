package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.config.ConfigLoader;
import dev.perfagent.config.Pointcut;
import fixture.beside.Impl;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CandidateClasses} passes over a class only when no rule can weave it. */
class CandidateClassesTest {
  private static final String CONFIG = String.join("\n",
      "presets: none",
      "pointcuts:",
      "  - name: getters",
      "    class: \"fixture.**\"",
      "    method: \"get*\"",
      "  - name: services",
      "    subtype-of: fixture.beside.Service",
      "    method: run",
      "  - name: exact",
      "    class: fixture.beside.Plain",
      "    method: run");

  /** Runs but is no {@code fixture.beside.Service}. */
  static class OtherRunner implements Runnable {
    @Override
    public void run() {}
  }

  /** A {@code Service} only through its super class. */
  static class Indirect extends Impl {
    @Override
    public String run(String input) {
      return "indirect " + input;
    }
  }

  private static final ClassLoader LOADER = CandidateClassesTest.class.getClassLoader();

  @Test
  void passesTheClassesSomeRuleCanWeaveAndNoOther() throws Exception {
    CandidateClasses candidates = candidates(CONFIG);
    assertTrue(mayWeave(candidates, "fixture.beside.Plain"), "named exactly");
    assertTrue(mayWeave(candidates, "fixture.app.Getters"), "class pattern and a get* method");
    assertTrue(mayWeave(candidates, "fixture.beside.Impl"), "implements Service, declares run");
    assertTrue(mayWeave(candidates, Indirect.class.getName()), "a Service through its super class");
    assertFalse(mayWeave(candidates, "fixture.app.Untouched"), "no get* or run name at all");
    assertFalse(mayWeave(candidates, OtherRunner.class.getName()), "run, but no Service");
  }

  @Test
  void looksOnlyAtTheMethodsAClassDeclaresWithCode() throws Exception {
    CandidateClasses candidates = candidates(String.join("\n",
        "presets: none", "pointcuts:", "  - name: runs", "    class: \"fixture.**\"", "    method: run"));
    assertTrue(mayWeave(candidates, "fixture.beside.Impl"), "declares run");
    assertFalse(mayWeave(candidates, "fixture.app.CallsRun"), "only calls run");
    assertFalse(mayWeave(candidates, "fixture.beside.Service"), "declares run without code");
    assertTrue(mayWeave(candidates, "fixture.app.Constants"), "run after long, double and string constants");
    assertTrue(mayWeave(candidates, "fixture.app.Modes"), "an enum's run");
    assertTrue(mayWeave(candidates, "fixture.app.Modes$DefaultRun"), "an interface's default run");
  }

  @Test
  void aClassFileCutShortAnywhereIsPassedOn() throws Exception {
    byte[] classFile = bytes("fixture.app.Constants");
    ConstantPoolNames.Entry noName = (b, offset, length) -> false;
    assertFalse(ConstantPoolNames.anyWovenMethodName(classFile, noName));
    // the last 10 bytes are the class's own attributes (its source file), read by nobody here
    for (int cut = 10; cut < classFile.length - 10; cut++) {
      assertTrue(ConstantPoolNames.anyWovenMethodName(Arrays.copyOf(classFile, cut), noName), "cut at " + cut);
    }
  }

  @Test
  void passesWhatItCannotDecide() throws Exception {
    CandidateClasses candidates = candidates(CONFIG);
    assertTrue(candidates.mayWeave(LOADER, "a/B", new byte[] {1, 2, 3}), "not a class file");
    assertTrue(candidates.mayWeave(LOADER, "a/B", truncated(bytes("fixture.beside.Impl"))), "cut short");
    ClassLoader blind = new ClassLoader(null) {};
    assertTrue(candidates.mayWeave(blind, internal(Indirect.class.getName()), bytes(Indirect.class.getName())),
        "a supertype whose class file cannot be read");
  }

  @Test
  void aMethodPatternMatchingEverythingPassesEveryClass() throws Exception {
    CandidateClasses candidates = candidates(String.join("\n",
        "presets: none", "pointcuts:", "  - name: all", "    class: \"fixture.**\"", "    method: \"*\""));
    assertTrue(mayWeave(candidates, "fixture.app.Untouched"));
  }

  @Test
  void aMethodPatternStartingWithAWildcardFindsItsNames() throws Exception {
    CandidateClasses candidates = candidates(String.join("\n",
        "presets: none", "pointcuts:", "  - name: ends", "    class: \"fixture.**\"", "    method: \"*un\""));
    assertTrue(mayWeave(candidates, "fixture.beside.Impl"), "declares run");
    assertFalse(mayWeave(candidates, "fixture.app.Untouched"));
  }

  @Test
  void judgesLoadedClassesByNameAndSupertypesLeaningToWeave() throws Exception {
    CandidateClasses candidates = candidates(String.join("\n",
        "presets: none", "pointcuts:",
        "  - name: services", "    subtype-of: fixture.beside.Service", "    method: run",
        "  - name: exact", "    class: fixture.beside.Plain", "    method: run"));
    assertTrue(candidates.mayWeaveLoaded(fixture.beside.Plain.class), "named exactly");
    assertTrue(candidates.mayWeaveLoaded(Impl.class), "a Service");
    assertFalse(candidates.mayWeaveLoaded(fixture.app.Untouched.class), "no Service");
    assertFalse(candidates.mayWeaveLoaded(Indirect.class), "a Service, but the agent's own package");
    CandidateClasses methodsOnly = candidates(String.join("\n",
        "presets: none", "pointcuts:", "  - name: runs", "    class: \"**\"", "    method: run"));
    assertTrue(methodsOnly.mayWeaveLoaded(fixture.app.Untouched.class),
        "any class: methods are not looked at");
    assertFalse(methodsOnly.mayWeaveLoaded(Thread.class), "but never the JDK's");
  }

  @Test
  void startsWeavingOnlyForClassesTheWeaverWouldWeave() throws Exception {
    CandidateClasses candidates = candidates(String.join("\n",
        "presets: none", "pointcuts:", "  - name: runs", "    class: \"**\"", "    method: run",
        "  - name: sql", "    class: java.sql.DriverManager", "    method: getConnection"));
    assertTrue(candidates.mayStartWeaving(LOADER, "fixture/beside/Impl", bytes("fixture.beside.Impl")));
    assertFalse(candidates.mayStartWeaving(null, "java/lang/Thread", bytes("java.lang.Thread")), "the JDK's");
    assertTrue(candidates.mayStartWeaving(null, "java/sql/DriverManager", bytes("java.sql.DriverManager")),
        "a JDK class a rule names");
    assertTrue(candidates.mayWeave(LOADER, internal(OtherRunner.class.getName()), bytes(OtherRunner.class.getName())));
    assertFalse(candidates.mayStartWeaving(LOADER, internal(OtherRunner.class.getName()),
        bytes(OtherRunner.class.getName())), "the agent's own");
  }

  @Test
  void readsTheDirectSupertypesFromTheConstantPool() throws Exception {
    assertArrayEquals(new String[] {"java/lang/Object", "fixture/beside/Service"},
        ConstantPoolNames.directSupertypes(bytes("fixture.beside.Impl")));
    assertArrayEquals(new String[0], ConstantPoolNames.directSupertypes(bytes("java.lang.Object")));
    assertArrayEquals(new String[] {"java/lang/Object", "fixture/beside/Service"},
        ConstantPoolNames.directSupertypes(bytes("fixture.app.Constants")), "after two-slot constants");
    assertNull(ConstantPoolNames.directSupertypes(new byte[] {(byte) 0xCA, (byte) 0xFE}));
  }

  @Test
  void remembersSupertypesThroughTheClassFilesOfTheLoader() throws Exception {
    Set<String> supers = new SupertypeNames().of(LOADER, bytes(Indirect.class.getName()));
    assertEquals(Set.of("fixture/beside/Impl", "fixture/beside/Service", "java/lang/Object"), supers);
  }

  /** A list that closes: its JDK supertypes come from their loaded classes, JDBC's from class files. */
  abstract static class ClosingList extends java.util.AbstractList<String> implements java.io.Closeable, java.sql.Wrapper {}

  @Test
  void aClassesJdkSupertypesAreAllFound() throws Exception {
    Set<String> supers = new SupertypeNames().of(LOADER, bytes(ClosingList.class.getName()));
    // JDK 21 adds java/util/SequencedCollection above List
    Set<String> expected = Set.of("java/util/AbstractList", "java/util/AbstractCollection", "java/util/List",
        "java/util/Collection", "java/lang/Iterable", "java/lang/Object", "java/io/Closeable",
        "java/lang/AutoCloseable", "java/sql/Wrapper");
    assertTrue(supers.containsAll(expected), supers.toString());
  }

  private static CandidateClasses candidates(String yaml) throws Exception {
    return CandidateClasses.of(ConfigLoader.parse(yaml, "t.yaml").pointcuts(), new SupertypeNames());
  }

  private static boolean mayWeave(CandidateClasses candidates, String className) throws Exception {
    return candidates.mayWeave(LOADER, internal(className), bytes(className));
  }

  private static String internal(String className) {
    return className.replace('.', '/');
  }

  private static byte[] truncated(byte[] classFile) {
    byte[] cut = new byte[40];
    System.arraycopy(classFile, 0, cut, 0, cut.length);
    return cut;
  }

  private static byte[] bytes(String className) throws Exception {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(internal(className) + ".class")) {
      return in.readAllBytes();
    }
  }
}
