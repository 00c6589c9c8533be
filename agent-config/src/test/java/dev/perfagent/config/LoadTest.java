package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigLoader#load(Path)}: reading files. */
class LoadTest {
  @TempDir
  Path dir;

  @Test
  void loadsUtf8File() throws Exception {
    Path file = dir.resolve("perf-agent.yaml");
    Files.write(file, Yaml.lines("service: café-assistant", "pointcuts:", "  - name: p", "    class: a.B",
        "    method: m", "    attributes: {greeting: 'grüß dich'}").getBytes(StandardCharsets.UTF_8));
    AgentConfig c = ConfigLoader.load(file);
    assertEquals(Optional.of("café-assistant"), c.service());
    assertEquals("grüß dich", c.pointcuts().get(0).attributes().get("greeting"));
    assertEquals(file.toString(), c.source());
  }

  @Test
  void problemsNameTheFile() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.write(file, Yaml.lines("pointcuts:", "  - name: p", "    class: a.B", "    metod: m")
        .getBytes(StandardCharsets.UTF_8));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertEquals(List.of(file + ":4:5: unknown key 'metod'; expected one of: name, class, subtype-of,"
        + " class-annotation, method, parameters, method-annotation, span, kind, attributes, capture, flow-down,"
        + " content, mode, min-duration, end, nesting, group, extract; did you mean 'method'?"),
        List.of(e.problems().get(0).toString()));
    assertEquals("1 problem in " + file + ":\n" + e.problems().get(0), e.getMessage());
  }

  @Test
  void fileNotFound() {
    Path missing = dir.resolve("missing.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
    assertEquals(1, e.problems().size());
    ConfigProblem p = e.problems().get(0);
    assertEquals(missing.toString(), p.source());
    assertEquals(0, p.line());
    assertEquals(0, p.column());
    assertEquals("cannot read " + missing + ": file not found", p.message());
    assertEquals("1 problem in " + missing + ":\n" + missing + ":0:0: cannot read " + missing + ": file not found",
        e.getMessage());
  }

  @Test
  void directory() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
    assertEquals("cannot read " + dir + ": is a directory", e.problems().get(0).message());
  }

  @Test
  void invalidUtf8() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "service: caf\u00e9\npointcuts: []\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertEquals(file + ":0:0: cannot read " + file + ": not valid UTF-8", e.problems().get(0).toString());
  }

  @Test
  void emptyFile() throws Exception {
    Path file = dir.resolve("empty.yaml");
    Files.write(file, new byte[0]);
    AgentConfig c = ConfigLoader.load(file);
    assertEquals(List.of(), c.pointcuts());
    assertEquals(file.toString(), c.source());
  }
}
