package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file changed while the application runs ({@code reload.ReloadMain}): a span name
 * and a capture changed, a pointcut added, one removed (its class gets its original bytecode back,
 * byte for byte), a broken file reported once and ignored, then fixed; a call open across a change
 * ends under the rules it started with; the application's own output is what it would be without the
 * agent.
 */
class ConfigReloadIT {
  private static final Pattern APPLIED = Pattern.compile("perf-agent: \\S+ changed, (.*); (\\d+) classes re-woven");

  @TempDir Path work;

  @Test
  void pointcutsChangeWhileTheApplicationRuns() throws Exception {
    changeWhileRunning(AppRun.defaultJava());
  }

  @Test
  void andOnJava25() throws Exception {
    Path java25 = AppRun.java25OrSkip();
    changeWhileRunning(java25);
  }

  @Test
  void theAgentArgumentWatchFalseKeepsTheConfigOfTheStart() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, config(greet("greet.v1", "who")));
    try (DrivenApp app = DrivenApp.start(AppRun.defaultJava(), work, "config=" + config + ",watch=false", List.of(),
        "reload.ReloadMain")) {
      app.send("call");
      Files.writeString(config, config(greet("greet.v2", "who")));
      Thread.sleep(5 * 400); // five polls of a watcher, were there one
      app.send("call");
      AppRun run = app.quit();
      assertEquals(List.of(), changes(run.stderr), run.stderr);
      List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
      assertEquals(List.of("greet.v1", "greet.v1"), spans.stream().map(s -> s.name).collect(Collectors.toList()));
    }
  }

  private void changeWhileRunning(Path java) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(config, config(greet("greet.v1", "who"), slow("slow.v1")));
    try (DrivenApp app = DrivenApp.start(java, work, "config=" + config, List.of("-javaagent:" + bytesAgent()),
        "reload.ReloadMain")) {
      app.send("call");
      app.send("call");
      app.send("bytes");
      app.send("hold");

      // an editor that saves by writing a new file and renaming it over the old one
      Path saved = work.resolve("perf-agent.yaml.tmp");
      Files.writeString(saved, config(greet("greet.v2", "person"), slow("slow.v2"), count()));
      Files.move(saved, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      awaitChanges(app, 1);
      app.send("call");
      app.send("release");

      // one that truncates the file and writes it in two steps
      String withoutGreet = config(slow("slow.v2"), count());
      Files.writeString(config, withoutGreet.substring(0, withoutGreet.length() / 2));
      Thread.sleep(30);
      Files.writeString(config, withoutGreet);
      awaitChanges(app, 2);
      app.send("call");
      app.send("bytes");

      Files.writeString(config, withoutGreet + "  - name: [broken\n");
      app.awaitLog(log -> log.contains("the change is not applied"), "the broken file reported");
      app.send("call");

      Files.writeString(config, config(greet("greet.v5", "who"), slow("slow.v2"), count()));
      awaitChanges(app, 3);
      app.send("call");
      AppRun run = app.quit();

      assertEquals(
          String.join("\n", "ready", "hello ada 123", "ok", "hello ada 123", "ok", "greeter bytecode original: false",
              "ok", "holding", "ok", "hello ada 123", "ok", "hello at last grace", "ok", "hello ada 123", "ok",
              "greeter bytecode original: true", "ok", "hello ada 123", "ok", "hello ada 123", "ok", "ok", ""),
          run.stdout, "the application's own output\n" + run.stderr);
      List<String> applied = changes(run.stderr);
      assertEquals(List.of("added [count], changed [greet, slow]", "removed [greet]", "added [greet]"), applied,
          run.stderr);
      Matcher classes = APPLIED.matcher(run.stderr);
      while (classes.find()) {
        assertTrue(Integer.parseInt(classes.group(2)) >= 1,
            "each change retransforms the greeter, the removal too (which un-weaves it)\n" + run.stderr);
      }
      assertEquals(1, count(run.stderr, "the change is not applied"), "the broken file is reported once\n" + run.stderr);
      assertTrue(run.stderr.contains(config + ":"), "the problem names the file\n" + run.stderr);
      assertTrue(Pattern.compile(Pattern.quote(config.toString()) + ":\\d+:\\d+: ").matcher(run.stderr).find(),
          "file:line:column\n" + run.stderr);

      List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
      Map<String, Integer> byName = new TreeMap<>();
      spans.forEach(s -> byName.merge(s.name, 1, Integer::sum));
      assertEquals(Map.of("greet.v1", 2, "greet.v2", 1, "greet.v5", 1, "slow.v1", 1, "count", 4), byName,
          spans.toString());
      for (ReceivedSpan s : spans) {
        switch (s.name) {
          case "greet.v1":
          case "greet.v5":
            assertEquals("ada", s.attribute("who"), s.toString());
            break;
          case "greet.v2":
            assertEquals("ada", s.attribute("person"), s.toString());
            assertEquals(null, s.attribute("who"), s.toString());
            break;
          case "slow.v1":
            assertEquals("grace", s.attribute("who"), "the open call ends as it started: " + s);
            break;
          default:
        }
      }
    }
  }

  private static void awaitChanges(DrivenApp app, int n) throws IOException, InterruptedException {
    app.awaitLog(log -> changes(log).size() >= n, n + " change(s) applied");
  }

  private static List<String> changes(String log) {
    List<String> found = new ArrayList<>();
    Matcher m = APPLIED.matcher(log);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String config(String... pointcuts) {
    return "presets: none\nexport: {log-level: info}\npointcuts:\n" + String.join("", pointcuts);
  }

  private static String greet(String span, String capture) {
    return "  - name: greet\n    class: reload.Greeter\n    method: greet\n    span: " + span + "\n"
        + "    capture: {" + capture + ": arg0}\n";
  }

  private static String slow(String span) {
    return "  - name: slow\n    class: reload.Waiter\n    method: slowGreet\n    span: " + span + "\n"
        + "    capture: {who: arg0}\n";
  }

  private static String count() {
    return "  - name: count\n    class: reload.Counter\n    method: count\n    span: count\n";
  }

  /** A jar holding only the manifest of {@code reload.BytesAgent} (its class is on the class path). */
  private Path bytesAgent() throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Premain-Class", "reload.BytesAgent");
    main.putValue("Can-Retransform-Classes", "true");
    Path jar = work.resolve("bytes-agent.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }
}
