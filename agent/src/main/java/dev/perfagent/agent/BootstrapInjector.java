package dev.perfagent.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the {@code dev.perfagent.bootstrap} package out of the agent jar into a small temporary
 * jar and appends it to the bootstrap class path. Must run before anything touches that package.
 */
final class BootstrapInjector {
  static final String PACKAGE_PATH = "dev/perfagent/bootstrap/";

  private BootstrapInjector() {}

  static void inject(Instrumentation inst) throws IOException, URISyntaxException {
    File agentJar =
        new File(PerfAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!agentJar.isFile()) {
      return; // running from a classes directory (tests): the classes are already reachable
    }
    Path bootstrapJar = Files.createTempFile("perf-agent-bootstrap", ".jar");
    bootstrapJar.toFile().deleteOnExit();
    List<String> classes = new ArrayList<>();
    try (JarFile source = new JarFile(agentJar);
        JarOutputStream target = new JarOutputStream(Files.newOutputStream(bootstrapJar))) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && !entry.isDirectory()) {
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            copy(in, target);
          }
          target.closeEntry();
          if (entry.getName().endsWith(".class")) {
            classes.add(entry.getName().replace('/', '.').substring(0, entry.getName().length() - 6));
          }
        }
      }
    }
    inst.appendToBootstrapClassLoaderSearch(new JarFile(bootstrapJar.toFile()));
    initialize(classes);
  }

  /**
   * Loads and initializes every hot-path class now, on the agent's start-up thread: a class first
   * initialized on an application thread that is nearly out of stack (recursion the application
   * then catches as a StackOverflowError) would fail to initialize, and stay unusable for the rest
   * of the run.
   */
  private static void initialize(List<String> classes) {
    for (String name : classes) {
      try {
        Class.forName(name, true, null);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name + " from the bootstrap class path", e);
      }
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
