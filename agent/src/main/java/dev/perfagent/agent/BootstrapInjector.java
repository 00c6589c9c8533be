package dev.perfagent.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Copies the {@code dev.perfagent.bootstrap} package out of the agent jar into a small jar in the
 * temporary directory ({@link BootstrapJar}) and appends it to the bootstrap class path. Must run
 * before anything touches that package.
 */
final class BootstrapInjector {
  static final String PACKAGE_PATH = "dev/perfagent/bootstrap/";
  /** Every entry's time (2000-01-01): the jar's bytes, and so its name, depend on the classes alone. */
  static final long ENTRY_TIME = 946_684_800_000L;

  private BootstrapInjector() {}

  /**
   * Writes (or finds) the bootstrap jar on a thread of its own, while the caller reads the config:
   * nothing is put on the bootstrap class path until {@link #inject} is called with the result.
   */
  static FutureTask<Optional<Path>> prepareInBackground() {
    FutureTask<Optional<Path>> task = new FutureTask<>(BootstrapInjector::prepare);
    Thread thread = new Thread(task, "perf-agent-start");
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /** The bootstrap jar in the temporary directory; empty when running from a classes directory. */
  static Optional<Path> prepare() throws IOException, URISyntaxException {
    File agentJar =
        new File(PerfAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!agentJar.isFile()) {
      return Optional.empty(); // tests: the classes are already reachable
    }
    return Optional.of(
        BootstrapJar.materialize(
            bootstrapClasses(agentJar), Paths.get(System.getProperty("java.io.tmpdir")),
            System.getProperty("user.name")));
  }

  static void inject(Instrumentation inst, Optional<Path> bootstrapJar) throws IOException {
    if (bootstrapJar.isEmpty()) {
      return;
    }
    JarFile jar = new JarFile(bootstrapJar.get().toFile());
    inst.appendToBootstrapClassLoaderSearch(jar);
    initialize(jar);
  }

  /**
   * Loads and initializes every hot-path class now, on the agent's start-up thread: a class first
   * initialized on an application thread that is nearly out of stack (recursion the application
   * then catches as a StackOverflowError) would fail to initialize, and stay unusable for the rest
   * of the run.
   */
  private static void initialize(JarFile jar) {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      String entry = entries.nextElement().getName();
      if (!entry.endsWith(".class")) {
        continue;
      }
      String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
      try {
        Class.forName(name, true, null);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name + " from the bootstrap class path", e);
      }
    }
  }

  /**
   * The bootstrap package as a jar, the same bytes for the same classes (a rebuilt agent jar with
   * unchanged bootstrap classes included), so that its hash names it.
   */
  static byte[] bootstrapClasses(File agentJar) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarFile source = new JarFile(agentJar);
        JarOutputStream target = new JarOutputStream(bytes)) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(PACKAGE_PATH) && !entry.isDirectory()) {
          byte[] content;
          try (InputStream in = source.getInputStream(entry)) {
            content = in.readAllBytes();
          }
          target.putNextEntry(stored(entry.getName(), content));
          target.write(content);
          target.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** An entry written as it is: compressing a hundred small classes at every start is not worth it. */
  private static JarEntry stored(String name, byte[] content) {
    JarEntry entry = new JarEntry(name);
    entry.setTime(ENTRY_TIME);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    return entry;
  }
}
