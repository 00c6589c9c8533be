package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.perfagent.agent.RecordingLogger;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.FrozenError;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Runs the real transformer on class bytes and the woven classes in a fresh class loader. */
class WeaverTest {
  private static final String CONFIG =
      "pointcuts:\n"
          + "  - name: greet\n"
          + "    class: fixture.app.Greeter\n"
          + "    method: greet\n"
          + "    span: \"greet {arg0.who}\"\n"
          + "    capture:\n"
          + "      who: arg0.who\n"
          + "      result: return\n"
          + "  - name: inner\n"
          + "    class: fixture.app.Gree*\n"
          + "    method: inner\n"
          + "    parameters: [java.lang.String]\n"
          + "  - name: recursion\n"
          + "    class: fixture.app.**\n"
          + "    method: count\n"
          + "    parameters: [int]\n"
          + "    capture:\n"
          + "      n: arg0\n"
          + "  - name: failing\n"
          + "    class: fixture.app.Greeter\n"
          + "    method: fail\n"
          + "  - name: static\n"
          + "    class: fixture.app.Greeter\n"
          + "    method: twice\n"
          + "    capture:\n"
          + "      doubled: return\n"
          + "  - name: missing-types\n"
          + "    class: fixture.app.Fetcher\n"
          + "    method: fetch\n";

  private SiteRegistry sites;
  private ClassFileTransformer transformer;

  @BeforeEach
  void weave() throws Exception {
    PointcutCatalog catalog =
        PointcutCatalog.compile(ConfigLoader.parse(CONFIG, "test.yaml"), p -> { throw new AssertionError(p); });
    sites = new SiteRegistry(new RecorderState(new SpanRing(1024, catalog.maxValues()), 4096, 128));
    transformer = new Weaver(new RecordingLogger())
        .transformer(catalog, sites, 500, new RecordingLogger());
  }

  private static byte[] bytes(String className) throws IOException {
    try (InputStream in = WeaverTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  private List<String> drain() {
    List<String> out = new ArrayList<>();
    sites.ring().drain(
        r -> out.add(
            sites.site(r.siteId()).pointcut().config().name() + "(" + r.value(0) + "," + r.value(1)
                + ")|" + r.spanId() + "<" + r.parentId()),
        1000);
    return out;
  }

  @Test
  void aClassNoPointcutMatchesIsLeftByteForByteUnchanged() throws Exception {
    ClassLoader loader = new WeavingLoader(transformer);
    assertNull(transformer.transform(loader, "fixture/app/Untouched", null, null, bytes("fixture.app.Untouched")));
    assertNotNull(transformer.transform(loader, "fixture/app/Greeter", null, null, bytes("fixture.app.Greeter")));
  }

  @Test
  void theRulesOfPointcutsLeaveTheJdkAloneEvenItsExecutors() throws Exception {
    // the executors are woven for propagation by a transformer of their own (PropagationWeavingTest)
    for (String untouched : List.of("java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.CompletableFuture",
        "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.ForkJoinPool", "java.util.ArrayList",
        "java.lang.Thread", "java.util.concurrent.FutureTask")) {
      assertNull(transformer.transform(null, untouched.replace('.', '/'), null, null, jdkBytes(untouched)), untouched);
    }
  }

  private static byte[] jdkBytes(String className) throws IOException {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void wovenMethodsRecordNestedSpansWithTheirCapturedValues() throws Exception {
    Class<?> greeter = new WeavingLoader(transformer).loadClass("fixture.app.Greeter");
    Class<?> request = greeter.getClassLoader().loadClass("fixture.app.Greeter$Request");
    Object g = greeter.getConstructor().newInstance();
    Object req = request.getConstructor(String.class).newInstance("ann");
    assertEquals("hello ann!", greeter.getMethod("greet", request).invoke(g, req));

    List<String> spans = drain();
    assertEquals(2, spans.size(), spans.toString());
    assertEquals("inner", spans.get(0).substring(0, 5));
    String greetSpan = spans.get(1);
    assertEquals("greet(ann,hello ann!)", greetSpan.substring(0, greetSpan.indexOf('|')));
    String greetId = greetSpan.substring(greetSpan.indexOf('|') + 1, greetSpan.indexOf('<'));
    assertEquals(greetId, spans.get(0).substring(spans.get(0).indexOf('<') + 1), "inner is the child of greet");
  }

  @Test
  void recursionAndPrimitiveArgumentsAndReturnValues() throws Exception {
    Class<?> greeter = new WeavingLoader(transformer).loadClass("fixture.app.Greeter");
    Object g = greeter.getConstructor().newInstance();
    assertEquals(3, greeter.getMethod("count", int.class).invoke(g, 3));
    assertEquals(42L, greeter.getMethod("twice", long.class).invoke(null, 21L));
    List<String> spans = drain();
    assertEquals(5, spans.size(), spans.toString());
    assertEquals("recursion(0,null)", spans.get(0).substring(0, spans.get(0).indexOf('|')));
    assertEquals("recursion(3,null)", spans.get(3).substring(0, spans.get(3).indexOf('|')));
    assertEquals("static(42,null)", spans.get(4).substring(0, spans.get(4).indexOf('|')));
  }

  @Test
  void anExceptionIsRecordedAndRethrownUntouched() throws Exception {
    Class<?> greeter = new WeavingLoader(transformer).loadClass("fixture.app.Greeter");
    Object g = greeter.getConstructor().newInstance();
    Method fail = greeter.getMethod("fail", String.class);
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> fail.invoke(g, "bad"));
    assertEquals(IllegalStateException.class, e.getCause().getClass());
    assertEquals("bad", e.getCause().getMessage());
    FrozenError[] recorded = new FrozenError[1];
    sites.ring().drain(r -> recorded[0] = r.error(), 10);
    assertEquals(IllegalStateException.class.getName(), recorded[0].type());
    assertEquals("bad", recorded[0].message());
  }

  @Test
  void eachWovenMethodIsOneCallSiteOfItsPointcut() throws Exception {
    new WeavingLoader(transformer).loadClass("fixture.app.Greeter");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      names.add(sites.site(i).pointcut().config().name() + ":" + sites.site(i).methodName());
    }
    names.sort(null);
    assertEquals(List.of("failing:fail", "greet:greet", "inner:inner", "recursion:count", "static:twice"), names);
  }

  @Test
  void aMethodWhoseReturnedAndParameterTypesAreMissingIsStillWoven() throws Exception {
    // Missing fetch(Callback): neither class is on the class path (an optional dependency), so the
    // span cannot follow a stage or a callback; it ends at exit
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "fixture/app/Fetcher", null, "java/lang/Object", null);
    MethodVisitor fetch = writer.visitMethod(Opcodes.ACC_PUBLIC, "fetch",
        "(Lfixture/gone/Callback;)Lfixture/gone/Missing;", null, null);
    fetch.visitCode();
    fetch.visitInsn(Opcodes.ACONST_NULL);
    fetch.visitInsn(Opcodes.ARETURN);
    fetch.visitMaxs(0, 0);
    fetch.visitEnd();
    writer.visitEnd();
    ClassLoader loader = new WeavingLoader(transformer);
    assertNotNull(transformer.transform(loader, "fixture/app/Fetcher", null, null, writer.toByteArray()));
    assertEquals("missing-types", sites.site(sites.size() - 1).pointcut().config().name());
  }

  /** Loads fixture classes itself, through the transformer, as the JVM would with the agent. */
  private static final class WeavingLoader extends ClassLoader {
    private final ClassFileTransformer transformer;

    WeavingLoader(ClassFileTransformer transformer) {
      super(WeaverTest.class.getClassLoader());
      this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("fixture.app.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            byte[] original = bytes(name);
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
