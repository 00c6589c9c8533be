package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.perfagent.agent.RecordingLogger;
import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.ConfigLoader;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link PointcutTargets} decides from class files (as {@code validate} does) exactly what the
 * weaver's transformer rewrites.
 */
class PointcutTargetsTest {
  private static final List<String> CLASSES = List.of(
      "fixture.app.Greeter", "fixture.app.Greeter$Request", "fixture.app.Untouched", "fixture.app.Getters",
      "fixture.app.Getters$Point", "fixture.beside.Exact", "fixture.beside.Impl", "fixture.beside.NamedImpl",
      "fixture.beside.Plain", "fixture.beside.Service");

  private static final String CONFIG = String.join("\n",
      "presets: none",
      "limits:",
      "  classes-per-pointcut: 100",
      "pointcuts:",
      "  - name: getters",
      "    class: \"fixture.**\"",
      "    method: \"get*\"",
      "    parameters: []",
      "  - name: services",
      "    subtype-of: fixture.beside.Service",
      "    method: run",
      "  - name: exact",
      "    class: fixture.beside.Exact",
      "    method: run",
      "    parameters: [java.lang.String]",
      "  - name: wrong-parameters",
      "    class: fixture.beside.Plain",
      "    method: run",
      "    parameters: [int]");

  @Test
  void decidesFromClassFilesWhatTheWeaverRewrites() throws Exception {
    PointcutCatalog catalog =
        PointcutCatalog.compile(ConfigLoader.parse(CONFIG, "t.yaml"), p -> { throw new AssertionError(p); });
    ClassFileTransformer transformer = new Weaver(new RecordingLogger())
        .transformer(catalog, new SiteRegistry(new RecorderState(new SpanRing(16, catalog.maxValues()), 4096, 128)),
            100, new RecordingLogger());
    TypeFacts types = TypeFacts.of(name -> TypeFacts.resource(ClassLoader.getSystemClassLoader(), name));
    Set<String> woven = new TreeSet<>();
    Set<String> targeted = new TreeSet<>();
    for (String name : CLASSES) {
      if (transformer.transform(ClassLoader.getSystemClassLoader(), name.replace('.', '/'), null, null, bytes(name)) != null) {
        woven.add(name);
      }
      ClassFacts type = types.find(name.replace('.', '/'));
      for (CompiledPointcut p : catalog.pointcuts()) {
        PointcutTargets targets = new PointcutTargets(p.config());
        if (!PointcutTargets.neverWoven(type) && targets.matches(type, types)) {
          assertFalse(targets.methodsOf(type).isEmpty(), name);
          targeted.add(name);
        }
      }
    }
    assertEquals(Set.of("fixture.app.Getters", "fixture.app.Greeter$Request",
        "fixture.beside.Exact", "fixture.beside.Impl", "fixture.beside.NamedImpl"), woven);
    assertEquals(woven, targeted);
  }

  private static byte[] bytes(String className) throws Exception {
    try (InputStream in = PointcutTargetsTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
