package dev.perfagent.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files named on the command line: a file as it is; a directory's {@code .jsonl} and
 * {@code .json} files, in name order (not its subdirectories). A path that does not exist or a
 * directory without such files is a problem; the other inputs are still read.
 */
final class Inputs {
  private Inputs() {}

  static List<Path> expand(List<String> paths, Problems problems) {
    List<Path> files = new ArrayList<>();
    for (String name : paths) {
      Path path = Paths.get(name);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> inDir = list(path, problems);
        if (inDir.isEmpty()) {
          problems.add(path + ": a directory with no .jsonl or .json files");
        }
        files.addAll(inDir);
      } else {
        problems.add(path + ": no such file or directory");
      }
    }
    return files;
  }

  private static List<Path> list(Path dir, Problems problems) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".jsonl") || p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      problems.add(dir + ": cannot list: " + e.getMessage());
      return List.of();
    }
  }
}
