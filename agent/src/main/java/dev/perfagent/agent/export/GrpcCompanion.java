package dev.perfagent.agent.export;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where the SDK finds its plug-ins ({@code ServiceLoader}): the agent's own class loader, except
 * for OTLP/gRPC's sender, which lives in {@value #FILE} beside perf-agent.jar (OkHttp, Okio and the
 * Kotlin runtime, more than a third of the agent's size, serve gRPC only). That jar is opened the
 * first time the SDK builds a gRPC exporter, in a class loader of its own whose parent is the
 * agent's (its classes link against the agent's shaded OpenTelemetry); one per JVM, so that a
 * reloaded configuration reuses it.
 */
final class GrpcCompanion implements ComponentLoader {
  static final String FILE = "perf-agent-grpc.jar";
  private static final GrpcCompanion BESIDE_AGENT_JAR =
      new GrpcCompanion(GrpcCompanion.class.getClassLoader(), besideAgentJar());

  private final ClassLoader agentLoader;
  private final Optional<Path> jar;
  private ClassLoader grpcLoader;

  GrpcCompanion(ClassLoader agentLoader, Optional<Path> jar) {
    this.agentLoader = agentLoader;
    this.jar = jar;
  }

  /** The companion of the perf-agent.jar these classes are loaded from. */
  static GrpcCompanion ofAgentJar() {
    return BESIDE_AGENT_JAR;
  }

  @Override
  public <T> Iterable<T> load(Class<T> spi) {
    return ServiceLoader.load(spi, spi == GrpcSenderProvider.class ? grpcLoader() : agentLoader);
  }

  /** Whether an OTLP exporter can be built for gRPC. */
  boolean sendsGrpc() {
    return load(GrpcSenderProvider.class).iterator().hasNext();
  }

  /** The file looked for, for the message when it is missing. */
  String expectedAt() {
    return jar.map(j -> j.toAbsolutePath().toString()).orElse(FILE + " beside perf-agent.jar");
  }

  private synchronized ClassLoader grpcLoader() {
    if (grpcLoader == null) {
      grpcLoader = jar.filter(Files::isRegularFile).map(this::open).orElse(agentLoader);
    }
    return grpcLoader;
  }

  private ClassLoader open(Path file) {
    try {
      return new URLClassLoader(new URL[] {file.toUri().toURL()}, agentLoader);
    } catch (MalformedURLException e) {
      return agentLoader; // a path from the file system always makes a URL
    }
  }

  /** Empty when the classes come from a directory (the build's own tests), not from a jar. */
  private static Optional<Path> besideAgentJar() {
    CodeSource source = GrpcCompanion.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path agentJar = Paths.get(source.getLocation().toURI());
      return Files.isRegularFile(agentJar) ? Optional.of(agentJar.resolveSibling(FILE)) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
