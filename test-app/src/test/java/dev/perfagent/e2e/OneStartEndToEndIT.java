package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent starts once per JVM: attaching it to a JVM that already runs it changes nothing. */
class OneStartEndToEndIT {
  @TempDir Path work;

  @Test
  void anAttachAfterTheJavaagentStartIsRefusedAndSpansAreNotDoubled() throws Exception {
    Path config = work.resolve("late.yaml");
    Files.write(
        config,
        ("pointcuts:\n  - name: work\n    class: latecomer.Worker\n    method: work\n"
                + "    capture:\n      n: arg0\n")
            .getBytes(StandardCharsets.UTF_8));
    String agent = AppRun.agentJar() + "=config=" + config;
    ProcessBuilder builder =
        new ProcessBuilder(
                AppRun.defaultJava().toString(), "-javaagent:" + agent, "-Djdk.attach.allowAttachSelf=true",
                "-cp", System.getProperty("java.class.path"), "latecomer.LateAttachMain",
                AppRun.agentJar().toString(), "config=" + config)
            .directory(work.toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("PERF_AGENT"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("sum=8"), output);

    List<String> refusals =
        output.lines().filter(l -> l.contains("already running in this JVM")).collect(Collectors.toList());
    assertEquals(
        List.of("perf-agent: already running in this JVM (premain, config " + config
            + "); this start (agentmain) is refused and changes nothing"),
        refusals, output);
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    assertEquals(
        List.of(0L, 1L, 1L, 2L),
        spans.stream().map(s -> (Long) s.attribute("n")).sorted().collect(Collectors.toList()),
        "the four calls, each once, woven by the premain start:\n" + output);
    assertEquals(1, output.lines().filter(l -> l.contains("spans recorded")).count(), "one agent, one summary:\n" + output);
  }
}
