package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaver (ASM) is built only once there is something to weave: an application loading
 * no class a pointcut may weave never loads ASM; a class a pointcut weaves, loaded long after
 * the start, is woven in that load, its spans arrive and work it hands to a pool (whose classes were
 * loaded and used before) runs as its child; a config change naming a class already loaded builds
 * the weaver then and weaves it.
 */
class LazyWeaverIT {
  private static final String ASM = "dev.perfagent.shaded.org.objectweb.asm.";
  private static final String NOT_BUILT = "the weaver is built when the first such class loads";

  @TempDir Path work;

  /**
   * No config file, the presets on, nothing of theirs loaded: no ASM, no presets parsed (no
   * SnakeYAML), no buffer, no SDK and no file.
   */
  @Test
  void anAppLoadingNothingToWeaveLoadsNoneOfTheAgentsLibraries() throws Exception {
    Path classes = work.resolve("classes.txt");
    AppRun run =
        AppRun.runMain(
            AppRun.defaultJava(), List.of("-Xlog:class+load=info:file=" + classes), work, "log-level=debug", Map.of(),
            "lazystart.IdleMain", "1500", "1000");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("calls=1000"), run.toString());
    assertTrue(run.stderr.contains("the built-in presets are on"), run.stderr);
    assertTrue(run.stderr.contains(NOT_BUILT), run.stderr);
    assertFalse(run.stderr.contains("weaver installed"), run.stderr);
    assertFalse(run.stderr.contains("buffer of"), "no buffer allocated: " + run.stderr);
    assertTrue(
        run.stderr.contains("perf-agent: 0 spans recorded, nothing to export: the OpenTelemetry SDK was not started"),
        run.stderr);
    List<String> loaded = Files.readAllLines(classes);
    for (String library : List.of(ASM, "dev.perfagent.shaded.org.snakeyaml.", "shaded.io.opentelemetry.sdk.")) {
      assertEquals(List.of(), loaded.stream().filter(l -> l.contains(library)).collect(Collectors.toList()), library);
    }
    assertFalse(Files.exists(work.resolve("perf-agent-traces.jsonl")), "no traces file");
    assertFalse(Files.exists(work.resolve("perf-agent-metrics.jsonl")), "no metrics file");
  }

  @Test
  void aClassLoadedLaterIsWovenInThatLoad() throws Exception {
    lateClassWoven(AppRun.defaultJava());
  }

  @Test
  void andOnJava25() throws Exception {
    Path java25 = AppRun.java25OrSkip();
    lateClassWoven(java25);
  }

  private void lateClassWoven(Path java) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, "pointcuts:\n"
        + "  - name: late-handle\n    class: lazystart.LateWork\n    method: handle\n    span: late-handle\n    capture:\n      n: arg1\n"
        + "  - name: late-inner\n    class: lazystart.LateWork\n    method: inner\n    span: late-inner\n");
    Path classes = work.resolve("classes.txt");
    AppRun run =
        AppRun.runMain(
            java, List.of("-Xlog:class+load=info:file=" + classes), work, "config=" + config + ",log-level=debug",
            Map.of(), "lazystart.LateWeaveMain", "300");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("result=40"), run.toString());
    assertTrue(run.stderr.contains(NOT_BUILT), run.stderr);
    assertTrue(run.stderr.contains("on loading lazystart.LateWork"), run.stderr);
    assertTrue(run.stderr.contains("woven lazystart.LateWork"), run.stderr);
    assertTrue(run.stderr.contains("woven java.util.concurrent.AbstractExecutorService"),
        "the executors are woven with the weaver: " + run.stderr);
    List<String> loaded = Files.readAllLines(classes);
    int main = indexOf(loaded, " lazystart.LateWeaveMain ");
    int firstAsm = indexOf(loaded, ASM);
    assertTrue(main >= 0 && firstAsm > main, "ASM loads after the application started, not at start");

    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    assertEquals(2, spans.size(), spans.toString());
    ReceivedSpan handle = spans.stream().filter(s -> s.name.equals("late-handle")).findFirst().orElseThrow();
    ReceivedSpan inner = spans.stream().filter(s -> s.name.equals("late-inner")).findFirst().orElseThrow();
    assertEquals(20L, handle.attribute("n"), handle.toString());
    assertEquals(handle.traceId, inner.traceId, "the pool's task runs in the handler's trace: " + spans);
    assertEquals(handle.spanId, inner.parentSpanId, spans.toString());
  }

  @Test
  void aConfigChangeNamingALoadedClassBuildsTheWeaver() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    String head = "presets: none\nexport: {log-level: debug}\npointcuts:\n";
    Files.writeString(config, head + "  - name: absent\n    class: reload.Absent\n    method: run\n");
    try (DrivenApp app = DrivenApp.start(AppRun.defaultJava(), work, "config=" + config, List.of(), "reload.ReloadMain")) {
      app.send("call");
      assertTrue(app.stderr().contains(NOT_BUILT), app.stderr());
      assertFalse(app.stderr().contains("weaver installed"), app.stderr());
      Files.writeString(config, head + "  - name: greet\n    class: reload.Greeter\n    method: greet\n"
          + "    capture: {who: arg0}\n");
      app.awaitLog(log -> log.contains("classes re-woven"), "the change applied");
      app.send("call");
      AppRun run = app.quit();
      assertTrue(run.stderr.contains("on loading reload.Greeter (already loaded)"), run.stderr);
      List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
      assertEquals(1, spans.size(), spans.toString());
      assertEquals("ada", spans.get(0).attribute("who"), spans.toString());
    }
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }
}
