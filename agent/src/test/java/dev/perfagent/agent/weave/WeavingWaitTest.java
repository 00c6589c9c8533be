package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.RecordingLogger;
import dev.perfagent.config.ConfigLoader;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread loading a class to weave while another thread still builds the weaver waits for it only so
 * long, then lets its class load unwoven: the agent never hangs the application.
 */
class WeavingWaitTest {
  private static final String CONFIG =
      "presets: none\npointcuts:\n  - {name: plain, class: fixture.beside.Plain, method: run}\n";
  private static final String PLAIN = "fixture/beside/Plain";

  private final CountDownLatch building = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final RecordingLogger log = new RecordingLogger();
  private final ExecutorService loader = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    release.countDown();
    loader.shutdownNow();
  }

  @Test
  void aSecondLoadWaitsForTheBuildOnlySoLongThenLoadsItsClassUnwoven() throws Exception {
    Weaving weaving = Weaving.start(doingNothing(), ConfigLoader.parse(CONFIG, "t.yaml").pointcuts(), () -> {
      building.countDown();
      awaitRelease();
      throw new IllegalStateException("no weaver in this test");
    }, false, 100, log, 1);
    byte[] plain = classFile(PLAIN);

    ClassLoader classes = getClass().getClassLoader();
    Future<byte[]> first = loader.submit(() -> weaving.transform(null, classes, PLAIN, null, null, plain));
    assertTrue(building.await(30, TimeUnit.SECONDS), "the first load builds the weaver");

    assertNull(weaving.transform(null, classes, PLAIN, null, null, plain), "loaded as it is");
    assertFalse(first.isDone(), "it gave up waiting while the build still ran");
    assertEquals(List.of("WARN perf-agent: fixture.beside.Plain loaded unwoven: the weaver was still being built after 1 s"),
        warnings());

    release.countDown();
    assertNull(first.get(30, TimeUnit.SECONDS), "the build failed: its class loads unwoven too");
    assertTrue(weaving.failed());
  }

  private List<String> warnings() {
    List<String> lines = log.problems();
    lines.removeIf(line -> !line.startsWith("WARN"));
    return lines;
  }

  private void awaitRelease() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An instrumentation with nothing loaded, that registers transformers nowhere. */
  private static Instrumentation doingNothing() {
    return (Instrumentation) Proxy.newProxyInstance(
        WeavingWaitTest.class.getClassLoader(), new Class<?>[] {Instrumentation.class},
        (proxy, method, args) -> method.getName().equals("getAllLoadedClasses") ? new Class<?>[0]
            : method.getReturnType() == boolean.class ? false : null);
  }

  private static byte[] classFile(String internalName) throws Exception {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }
}
