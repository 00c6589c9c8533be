package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The built jars after shrinking (agent/perf-agent.pro): what ServiceLoader finds by name only is
 * there, the gRPC sender is in the companion jar, not in perf-agent.jar, and the nested bootstrap jar
 * holds the shrunk bootstrap classes.
 */
class JarContentsIT {
  @Test
  void everyServiceProviderNamedInTheAgentJarIsInIt() throws IOException {
    assertProvidersPresent(AppRun.agentJar(), "HttpSenderProvider");
  }

  @Test
  void theCompanionJarHoldsTheGrpcSenderAndTheAgentJarDoesNot() throws IOException {
    Path companion = AppRun.agentJar().resolveSibling("perf-agent-grpc.jar");
    assertProvidersPresent(companion, "GrpcSenderProvider");
    try (JarFile agent = new JarFile(AppRun.agentJar().toFile())) {
      assertFalse(agent.stream().anyMatch(e -> e.getName().contains("/okhttp3/") || e.getName().contains("/kotlin/")),
          "OkHttp and Kotlin are in perf-agent-grpc.jar only");
    }
  }

  @Test
  void theNestedBootstrapJarHoldsTheAgentJarsBootstrapClassesStored() throws IOException {
    Map<String, byte[]> outer = new TreeMap<>();
    Map<String, byte[]> nested = new TreeMap<>();
    try (JarFile agent = new JarFile(AppRun.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(agent.entries())) {
        if (entry.getName().startsWith("dev/perfagent/bootstrap/")) {
          outer.put(entry.getName(), agent.getInputStream(entry).readAllBytes());
        }
      }
      JarEntry jar = agent.getJarEntry("perf-agent-bootstrap.jar");
      assertNotNull(jar, "the bootstrap jar is nested in perf-agent.jar");
      try (ZipInputStream in = new ZipInputStream(agent.getInputStream(jar))) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName() + " is stored");
          // a fixed time (2000-01-01, as the build's zone wrote it), not the build's: the same classes give
          // the same bytes, so a rebuilt agent reuses the file in the temporary directory
          assertTrue(Math.abs(entry.getTime() - 946_684_800_000L) <= 86_400_000L,
              entry.getName() + " at " + entry.getTimeLocal());
          nested.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    assertTrue(outer.size() > 50, "the bootstrap package: " + outer.keySet());
    assertEquals(outer.keySet(), nested.keySet());
    outer.forEach((name, bytes) -> assertArrayEquals(bytes, nested.get(name), name));
  }

  /** Each provider class named in a META-INF/services file is in {@code jar}; one such file names {@code service}. */
  private static void assertProvidersPresent(Path jar, String service) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> missing = new ArrayList<>();
      List<String> services = new ArrayList<>();
      for (JarEntry entry : Collections.list(file.entries())) {
        if (!entry.getName().startsWith("META-INF/services/") || entry.isDirectory()) {
          continue;
        }
        services.add(entry.getName());
        for (String provider : providers(file, entry)) {
          if (file.getEntry(provider.replace('.', '/') + ".class") == null) {
            missing.add(provider + " (" + entry.getName() + ")");
          }
        }
      }
      assertTrue(services.stream().anyMatch(s -> s.endsWith("." + service)), jar + " registers a " + service + ": " + services);
      assertEquals(List.of(), missing, "providers named in " + jar + " but not in it");
    }
  }

  private static List<String> providers(JarFile file, JarEntry services) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(file.getInputStream(services), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String name = line.replaceAll("#.*", "").trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
