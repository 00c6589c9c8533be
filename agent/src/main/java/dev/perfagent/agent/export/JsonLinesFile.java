package dev.perfagent.agent.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/** Opens an export file for appending, creating its directory. */
final class JsonLinesFile {
  private JsonLinesFile() {}

  static OutputStream open(String file) {
    Path path = Paths.get(file).toAbsolutePath();
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      return new BufferedOutputStream(
          Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
          64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + " for writing: " + e.getMessage(), e);
    }
  }
}
