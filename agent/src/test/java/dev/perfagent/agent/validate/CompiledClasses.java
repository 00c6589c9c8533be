package dev.perfagent.agent.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java sources compiled into a directory: an application's classes that this JVM never loads. */
final class CompiledClasses {
  private CompiledClasses() {}

  /** Compiles {@code sources} (class name to source) into {@code dir}; returns it. */
  static Path compile(Path dir, Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src"));
    List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "--release", "11"));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.write(file, s.getValue().getBytes(StandardCharsets.UTF_8));
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (javac.run(null, null, errors, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("javac failed: " + errors.toString(StandardCharsets.UTF_8));
    }
    return dir;
  }
}
