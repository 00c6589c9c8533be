package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar of bootstrap classes in the temporary directory is one file, reused by every run. */
class TempFilesEndToEndIT {
  @TempDir Path work;

  @Test
  void everyRunOfOneAgentBuildUsesTheSameBootstrapJar() throws Exception {
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    List<String> options = List.of("-Djava.io.tmpdir=" + tmp);
    for (int i = 0; i < 2; i++) {
      AppRun run =
          AppRun.run(
              AppRun.defaultJava(), options, work, "config=" + AppRun.appConfig(), Map.of(), "--conversations", "1");
      assertEquals(0, run.exitCode, run.toString());
      assertTrue(run.stderr.contains("spans recorded"), run.stderr);
      List<String> files = files(tmp);
      assertEquals(1, files.size(), "run " + (i + 1) + ": " + files);
      assertTrue(files.get(0).matches("perf-agent-bootstrap-.+-[0-9a-f]{16}\\.jar"), files.toString());
    }
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("perf-agent"))
          .collect(Collectors.toList());
    }
  }
}
