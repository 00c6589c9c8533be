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

  /** {@code setting} names where the file was configured, for the message when it cannot be opened. */
  static OutputStream open(String file, String setting) {
    Path path = Paths.get(file).toAbsolutePath();
    if (Files.isDirectory(path)) {
      throw new UncheckedIOException(
          new IOException(setting + " names a directory, " + path + "; name a file (in it, for example)"));
    }
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      return new BufferedOutputStream(
          Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
          64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(setting + ": cannot open " + path + " for writing: " + e, e);
    }
  }
}
