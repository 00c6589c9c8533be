package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.ClassFileSource;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application's class path, read as files: jars and directories separated like java's
 * ({@code :} on Unix), and {@code dir/*} for the jars of a directory. Nothing in it is loaded.
 */
final class ClassPath implements ClassFileSource, Closeable {
  private static final String CLASS = ".class";

  private final List<Path> entries;
  private final List<String> missing;
  private final Map<Path, JarFile> jars = new HashMap<>();

  private ClassPath(List<Path> entries, List<String> missing) {
    this.entries = entries;
    this.missing = missing;
  }

  /** The entries of {@code classPath}, relative ones resolved against {@code workingDirectory}. */
  static ClassPath parse(String classPath, Path workingDirectory) throws IOException {
    List<Path> entries = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String item : classPath.split(File.pathSeparator)) {
      if (item.isEmpty()) {
        continue;
      }
      if (item.equals("*") || item.endsWith(File.separator + "*")) {
        Path dir = workingDirectory.resolve(item.substring(0, item.length() - 1));
        if (!Files.isDirectory(dir)) {
          missing.add(item);
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          entries.addAll(files.filter(f -> isJar(f) && Files.isRegularFile(f)).sorted().collect(Collectors.toList()));
        }
        continue;
      }
      Path entry = workingDirectory.resolve(item);
      if (Files.isDirectory(entry) || Files.isRegularFile(entry)) {
        entries.add(entry);
      } else {
        missing.add(item);
      }
    }
    return new ClassPath(entries, missing);
  }

  private static boolean isJar(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jar");
  }

  List<Path> entries() {
    return entries;
  }

  /** The entries that are neither a file nor a directory (java ignores them; we say so). */
  List<String> missing() {
    return missing;
  }

  /**
   * The binary names of the classes on the class path, each once, in class-path order (a class
   * found twice is the first one's, as a class loader would have it). Module and package
   * descriptors and the version-specific entries of multi-release jars are left out.
   */
  Set<String> classNames() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        try (Stream<Path> files = Files.walk(entry)) {
          files.filter(f -> f.toString().endsWith(CLASS) && Files.isRegularFile(f))
              .map(f -> entry.relativize(f).toString().replace(File.separatorChar, '/'))
              .sorted()
              .forEach(path -> addClass(names, path));
        }
      } else {
        Enumeration<JarEntry> files = jar(entry).entries();
        while (files.hasMoreElements()) {
          JarEntry file = files.nextElement();
          if (!file.isDirectory()) {
            addClass(names, file.getName());
          }
        }
      }
    }
    return names;
  }

  private static void addClass(Set<String> names, String path) {
    if (!path.endsWith(CLASS) || path.startsWith("META-INF/")) {
      return;
    }
    String name = path.substring(0, path.length() - CLASS.length()).replace('/', '.');
    if (!name.equals("module-info") && !name.endsWith("package-info")) {
      names.add(name);
    }
  }

  /**
   * Reads class files from the class path, then from the JDK running this command (for the
   * supertypes a class path's classes have there), never through a class loader of the class path.
   */
  @Override
  public byte[] classFile(String internalName) {
    String file = internalName + CLASS;
    try {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          Path path = entry.resolve(file);
          if (Files.isRegularFile(path)) {
            return Files.readAllBytes(path);
          }
          continue;
        }
        JarFile jar = jar(entry);
        JarEntry found = jar.getJarEntry(file);
        if (found != null) {
          try (InputStream in = jar.getInputStream(found)) {
            return in.readAllBytes();
          }
        }
      }
      try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(file)) {
        return in == null ? null : in.readAllBytes();
      }
    } catch (IOException e) {
      return null; // unreadable: the scan counts it
    }
  }

  private JarFile jar(Path file) throws IOException {
    JarFile jar = jars.get(file);
    if (jar == null) {
      jar = new JarFile(file.toFile());
      jars.put(file, jar);
    }
    return jar;
  }

  @Override
  public void close() throws IOException {
    for (JarFile jar : jars.values()) {
      jar.close();
    }
  }
}
