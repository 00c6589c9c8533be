package dev.perfagent.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Copies the jar of the {@code dev.perfagent.bootstrap} package, which the build nests in the agent
 * jar, into the temporary directory ({@link BootstrapJar}) and appends it to the bootstrap class
 * path. Must run before anything touches that package.
 */
final class BootstrapInjector {
  /**
   * The jar of the bootstrap package inside the agent jar, as the build (agent/pom.xml) made it from the
   * package's shrunk classes.
   */
  static final String NESTED_JAR = "perf-agent-bootstrap.jar";

  private static final long INITIALIZE_WAIT_SECONDS = 60;

  /** The jar {@link #inject} put on the bootstrap class path, until its classes are initialized. */
  private static JarFile injected;

  private BootstrapInjector() {}

  /**
   * Writes (or finds) the bootstrap jar on a thread of its own, while the caller reads the config:
   * nothing is put on the bootstrap class path until {@link #inject} is called with the result.
   */
  static FutureTask<Optional<Path>> prepareInBackground() {
    return onThreadOfItsOwn("perf-agent-start", BootstrapInjector::prepare);
  }

  /** {@code work}, started on a daemon thread named {@code name}. */
  private static <T> FutureTask<T> onThreadOfItsOwn(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
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
            nestedJar(agentJar), Paths.get(System.getProperty("java.io.tmpdir")), System.getProperty("user.name")));
  }

  /** The bootstrap jar the build put in the agent jar. */
  static byte[] nestedJar(File agentJar) throws IOException {
    try (JarFile jar = new JarFile(agentJar, false)) {
      ZipEntry nested = jar.getEntry(NESTED_JAR);
      if (nested == null) {
        throw new IOException(agentJar + " holds no " + NESTED_JAR + ": it was not built by the agent's build");
      }
      try (InputStream in = jar.getInputStream(nested)) {
        return in.readAllBytes();
      }
    }
  }

  static synchronized void inject(Instrumentation inst, Optional<Path> bootstrapJar) throws IOException {
    if (bootstrapJar.isEmpty()) {
      return;
    }
    JarFile jar = new JarFile(bootstrapJar.get().toFile());
    inst.appendToBootstrapClassLoaderSearch(jar);
    injected = jar;
  }

  /**
   * Loads and initializes every hot-path class, once, before the first class is woven (first thing
   * when the recording starts), on a thread of its own that the caller waits for: the caller may be
   * an application thread loading a class, and a class first initialized on a thread that is nearly
   * out of stack (recursion the application then catches as a StackOverflowError) would fail to
   * initialize and stay unusable for the rest of the run. Not at start: an application without a
   * class to weave never needs most of them.
   */
  static void initializeInjected() {
    JarFile jar = takeInjected();
    if (jar == null) {
      return;
    }
    FutureTask<Void> task = onThreadOfItsOwn("perf-agent-init", () -> {
      try {
        initialize(jar);
      } finally {
        jar.close(); // the JVM reads the bootstrap class path through a file of its own
      }
      return null;
    });
    try {
      task.get(INITIALIZE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the hot-path classes were not initialized after " + INITIALIZE_WAIT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the hot-path classes were initialized");
    }
  }

  private static synchronized JarFile takeInjected() {
    JarFile jar = injected;
    injected = null;
    return jar;
  }

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
}
