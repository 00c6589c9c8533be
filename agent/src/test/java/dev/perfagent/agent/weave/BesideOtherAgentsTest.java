package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.apm.agent.standin.StandInAgentLoader;
import dev.perfagent.agent.RecordingLogger;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weaver given classes as another agent leaves them: the OpenTelemetry Java agent makes the
 * classes it instruments implement interfaces it defines at run time (no class file anywhere), so
 * their hierarchy cannot be read from class files alone.
 */
class BesideOtherAgentsTest {
  private static final String CONFIG =
      "presets: none\n" // only these pointcuts: the jdbc preset's subtype-of pointcuts would be named too
          + "pointcuts:\n"
          + "  - name: services\n"
          + "    subtype-of: fixture.beside.Service\n"
          + "    method: run\n"
          + "  - name: named-services\n"
          + "    class: fixture.beside.Named*\n"
          + "    subtype-of: fixture.beside.Service\n"
          + "    method: run\n"
          + "  - name: exact\n"
          + "    class: fixture.beside.Exact\n"
          + "    method: run\n";

  /** An interface the "other agent" defines at run time: loaded, but with no class file. */
  private static final String INJECTED = "fixture.injected.VirtualFieldAccessor";
  /** An interface no class loader can find at all. */
  private static final String MISSING = "fixture.missing.Gone";

  private final RecordingLogger log = new RecordingLogger();
  private SiteRegistry sites;
  private ClassFileTransformer transformer;

  @BeforeEach
  void weave() throws Exception {
    PointcutCatalog catalog =
        PointcutCatalog.compile(ConfigLoader.parse(CONFIG, "test.yaml"), p -> { throw new AssertionError(p); });
    sites = new SiteRegistry(new RecorderState(new SpanRing(1024, catalog.maxValues()), 4096, 128));
    transformer = new Weaver(log)
        .transformer(catalog, sites, 500, log);
  }

  @Test
  void aSubtypeIsWovenThoughTheOtherAgentAddedAnInterfaceThatHasNoClassFile() throws Exception {
    OtherAgentLoader loader = new OtherAgentLoader(INJECTED, true);
    assertEquals("impl x", call(loader, "fixture.beside.Impl"));
    assertEquals("named x", call(loader, "fixture.beside.NamedImpl"));
    assertTrue(loader.loadClass(INJECTED).isAssignableFrom(loader.loadClass("fixture.beside.Impl")),
        "the class implements the injected interface, as the other agent left it");
    List<String> recorded = recorded();
    recorded.sort(null);
    assertEquals(List.of("named-services", "services", "services"), recorded, "NamedImpl is a Service too");
    assertEquals(List.of(), log.problems(), "nothing to report");
  }

  @Test
  void aClassNoPointcutTargetsIsReportedOnceAtDebug() throws Exception {
    OtherAgentLoader loader = new OtherAgentLoader(MISSING, false);
    assertNull(loader.transform("fixture.beside.Plain"));
    assertNull(loader.transform("fixture.beside.Plain"), "retransformed: still not, and not reported again");
    assertEquals(
        List.of("DEBUG perf-agent: could not match fixture.beside.Plain against pointcut 'services', which does"
            + " not target it: " + noSuchType(MISSING)),
        log.problems());
  }

  @Test
  void aClassAPointcutTargetsAndCannotWeaveIsOneWarningNamingThePointcutAndTheCause() throws Exception {
    OtherAgentLoader loader = new OtherAgentLoader(MISSING, false);
    // named by its class pattern; whether it is a Service cannot be decided
    assertNull(loader.transform("fixture.beside.NamedPlain"));
    assertNull(loader.transform("fixture.beside.NamedPlain"), "retransformed: still not, and not reported again");
    // a Service by an interface it names: decided whatever the one that cannot be read
    assertNotNull(loader.transform("fixture.beside.NamedImpl"));
    // matched by its exact name: woven, as advice reads only the methods the class declares
    assertNotNull(loader.transform("fixture.beside.Exact"));
    assertEquals(
        List.of(
            "WARN perf-agent: could not weave fixture.beside.NamedPlain for pointcut 'named-services': "
                + noSuchType(MISSING),
            "DEBUG perf-agent: could not match fixture.beside.Exact against pointcut 'services', which does"
                + " not target it: " + noSuchType(MISSING)),
        log.problems());
  }

  @Test
  void theOtherAgentsOwnClassesAreNeverWoven() throws Exception {
    byte[] impl = bytes("fixture.beside.Impl");
    ClassLoader agentLoader = new StandInAgentLoader(getClass().getClassLoader());
    assertNull(transformer.transform(agentLoader, "fixture/beside/Impl", null, null, impl), "defined by its loader");
    assertNotNull(transformer.transform(new ClassLoader(getClass().getClassLoader()) {}, "fixture/beside/Impl",
        null, null, impl), "the same class elsewhere is woven");
    assertTrue(OtherAgentNames.isAgentName("io.opentelemetry.javaagent.bootstrap.field.VirtualFieldInstalledMarker"));
    assertTrue(OtherAgentNames.isAgentName("co.elastic.apm.agent.premain.ShadedClassLoader"));
    assertFalse(OtherAgentNames.isAgentName("io.opentelemetry.api.trace.Span"), "the app's own OpenTelemetry API is not");
  }

  private static String noSuchType(String name) {
    return "a class it refers to is missing from its class path (" + name + ")";
  }

  private Object call(ClassLoader loader, String className) throws Exception {
    Class<?> c = loader.loadClass(className);
    return c.getMethod("run", String.class).invoke(c.getConstructor().newInstance(), "x");
  }

  private List<String> recorded() {
    List<String> names = new ArrayList<>();
    sites.ring().drain(r -> names.add(sites.site(r.siteId()).pointcut().config().name()), 100);
    return names;
  }

  private static byte[] bytes(String className) throws IOException {
    try (InputStream in =
        BesideOtherAgentsTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** {@code original} as the other agent leaves it: implementing {@code iface} as well, first. */
  private static byte[] withInterface(byte[] original, String iface) {
    ClassReader reader = new ClassReader(original);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(int version, int access, String name, String signature, String superName,
              String[] interfaces) {
            List<String> all = new ArrayList<>();
            all.add(iface.replace('.', '/'));
            all.addAll(Arrays.asList(interfaces));
            super.visit(version, access, name, signature, superName, all.toArray(new String[0]));
          }
        },
        0);
    return writer.toByteArray();
  }

  private static byte[] emptyInterface(String name) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE,
        name.replace('.', '/'), null, "java/lang/Object", null);
    writer.visitEnd();
    return writer.toByteArray();
  }

  /**
   * The JVM with the other agent first: each fixture class is rewritten by "the other agent" (an
   * interface added), then handed to perf-agent's transformer, then defined. The interface is
   * defined from bytes when {@code define} is set (as the OpenTelemetry agent injects its own), and
   * never has a class file.
   */
  private final class OtherAgentLoader extends ClassLoader {
    private final String iface;

    OtherAgentLoader(String iface, boolean define) {
      super(BesideOtherAgentsTest.class.getClassLoader());
      this.iface = iface;
      if (define) {
        byte[] b = emptyInterface(iface);
        defineClass(iface, b, 0, b.length);
      }
    }

    /**
     * What perf-agent's transformer makes of the class, as the other agent left it (null: unchanged;
     * a transformer that throws leaves the class unchanged too).
     */
    byte[] transform(String name) throws Exception {
      try {
        return transformer.transform(this, name.replace('.', '/'), null, null, withInterface(bytes(name), iface));
      } catch (IllegalStateException e) {
        return null;
      }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("fixture.beside.") || name.equals("fixture.beside.Service")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            byte[] original = withInterface(bytes(name), iface);
            byte[] woven = transformer.transform(this, name.replace('.', '/'), null, null, original);
            byte[] b = woven == null ? original : woven;
            c = defineClass(name, b, 0, b.length);
          } catch (Exception e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
