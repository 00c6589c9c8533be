package dev.perfagent.agent.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {
  @TempDir Path dir;

  private Path jar(String name, String... entries) throws IOException {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.write(new byte[] {1});
        out.closeEntry();
      }
    }
    return jar;
  }

  private Path file(String path) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(1);
    }
    return file;
  }

  @Test
  void jarsDirectoriesAndTheJarsOfADirectoryInClassPathOrderEachClassOnce() throws IOException {
    jar("lib/b.jar", "com/b/B.class", "com/a/A.class", "module-info.class",
        "META-INF/versions/17/com/b/B.class", "com/b/package-info.class", "com/b/b.properties");
    jar("lib/a.jar", "com/c/C$Inner.class");
    file("lib/notes.txt");
    file("classes/com/a/A.class");
    file("classes/com/a/Z.class");
    String cp = String.join(File.pathSeparator, "classes", "lib/*", "absent.jar");
    try (ClassPath classPath = ClassPath.parse(cp, dir)) {
      assertEquals(List.of(dir.resolve("classes"), dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")),
          classPath.entries());
      assertEquals(List.of("absent.jar"), classPath.missing());
      assertEquals(List.of("com.a.A", "com.a.Z", "com.c.C$Inner", "com.b.B"), List.copyOf(classPath.classNames()));
    }
  }

  @Test
  void aMissingDirectoryOfJarsIsMissing() throws IOException {
    try (ClassPath classPath = ClassPath.parse("nope/*" + File.pathSeparator, dir)) {
      assertEquals(List.of(), classPath.entries());
      assertEquals(List.of("nope/*"), classPath.missing());
    }
  }
}
