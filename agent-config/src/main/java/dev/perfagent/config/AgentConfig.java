package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A validated configuration file. Immutable. */
public final class AgentConfig {
  private final String service;
  private final ExportSettings export;
  private final boolean propagation;
  private final Limits limits;
  private final List<Pointcut> pointcuts;
  private final String source;

  AgentConfig(String service, ExportSettings export, boolean propagation, Limits limits, List<Pointcut> pointcuts,
      String source) {
    this.service = service;
    this.export = Objects.requireNonNull(export, "export");
    this.propagation = propagation;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.pointcuts = Collections.unmodifiableList(new ArrayList<>(pointcuts));
    this.source = Objects.requireNonNull(source, "source");
  }

  /** A configuration without pointcuts and with default settings. */
  public static AgentConfig empty(String source) {
    return new AgentConfig(null, ExportSettings.defaults(), true, Limits.defaults(), Collections.emptyList(), source);
  }

  /** Default {@code service.name}; OTEL_SERVICE_NAME / otel.service.name take precedence. */
  public Optional<String> service() {
    return Optional.ofNullable(service);
  }

  public ExportSettings export() {
    return export;
  }

  /** Whether work submitted to JDK executors from inside a recorded span runs as its child; default true. */
  public boolean propagation() {
    return propagation;
  }

  public Limits limits() {
    return limits;
  }

  /** Pointcuts in file order, unmodifiable. */
  public List<Pointcut> pointcuts() {
    return pointcuts;
  }

  /** Where the configuration came from (file path or the name given to {@link ConfigLoader#parse}). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "AgentConfig{source=" + source + ", service=" + service + ", " + pointcuts.size() + " pointcuts}";
  }
}
