package dev.perfagent.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class files of real libraries on the test class path, compiled by javac and kotlinc for several
 * Java versions: Kotlin-compiled openai-java, Reactor, Jackson, SnakeYAML Engine, the OpenTelemetry
 * SDK and the Kotlin standard library.
 */
final class LibraryClassFiles {
  private LibraryClassFiles() {}

  /** The libraries' jars. */
  static List<Path> jars() throws ClassNotFoundException, URISyntaxException {
    List<Path> jars = new ArrayList<>();
    for (String library : List.of("com.openai.client.OpenAIClient", "reactor.core.publisher.Flux",
        "com.fasterxml.jackson.core.JsonParser", "org.snakeyaml.engine.v2.api.Load",
        "io.opentelemetry.sdk.trace.SdkTracerProvider", "kotlin.collections.CollectionsKt")) {
      Class<?> type = Class.forName(library, false, LibraryClassFiles.class.getClassLoader());
      jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return jars;
  }

  /**
   * Gives {@code each} the binary name and the bytes of up to {@code limit} classes of {@code jar}
   * (not those of other Java versions under {@code META-INF}, nor {@code module-info}).
   */
  static void forEach(Path jar, int limit, BiConsumer<String, byte[]> each) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      int given = 0;
      while (entries.hasMoreElements() && given < limit) {
        String name = entries.nextElement().getName();
        if (!name.endsWith(".class") || name.contains("-") || name.startsWith("META-INF")) {
          continue;
        }
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
          each.accept(name.substring(0, name.length() - 6).replace('/', '.'), in.readAllBytes());
        }
        given++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
