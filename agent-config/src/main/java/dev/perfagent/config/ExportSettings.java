package dev.perfagent.config;

import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code export:} section. Immutable. */
public final class ExportSettings {
  static final String DEFAULT_FILE = "perf-agent-traces.jsonl";
  static final String DEFAULT_METRICS_FILE = "perf-agent-metrics.jsonl";
  static final int DEFAULT_BUFFER_SIZE = 8192;
  static final int MIN_BUFFER_SIZE = 16;
  static final int MAX_BUFFER_SIZE = 16_777_216;
  static final String DEFAULT_LOG_LEVEL = "info";

  private static final ExportSettings DEFAULTS = new ExportSettings(null, null, Collections.emptyMap(),
      DEFAULT_FILE, DEFAULT_METRICS_FILE, DEFAULT_BUFFER_SIZE, DEFAULT_LOG_LEVEL, true, true);

  private final String endpoint;
  private final String protocol;
  private final Map<String, String> headers;
  private final String file;
  private final String metricsFile;
  private final int bufferSize;
  private final String logLevel;
  private final boolean exceptionMessage;
  private final boolean exceptionStackTrace;

  ExportSettings(String endpoint, String protocol, Map<String, String> headers, String file,
      String metricsFile, int bufferSize, String logLevel, boolean exceptionMessage, boolean exceptionStackTrace) {
    this.endpoint = endpoint;
    this.protocol = protocol;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.file = file;
    this.metricsFile = metricsFile;
    this.bufferSize = bufferSize;
    this.logLevel = logLevel;
    this.exceptionMessage = exceptionMessage;
    this.exceptionStackTrace = exceptionStackTrace;
  }

  /**
   * No endpoint, no protocol, no headers, default files, buffer 8192, log level info, exception
   * messages and stack traces exported.
   */
  public static ExportSettings defaults() {
    return DEFAULTS;
  }

  /** OTLP endpoint; absent means the embedded local file exporter is used. */
  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** {@code "grpc"} or {@code "http/protobuf"}; absent means http/protobuf unless a standard setting says otherwise. */
  public Optional<String> protocol() {
    return Optional.ofNullable(protocol);
  }

  /** OTLP headers, unmodifiable, in file order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** File the embedded exporter writes spans to. */
  public String file() {
    return file;
  }

  /** File the embedded exporter writes metrics to. */
  public String metricsFile() {
    return metricsFile;
  }

  /** Spans buffered between application threads and the exporter (16..16777216). */
  public int bufferSize() {
    return bufferSize;
  }

  /** {@code error}, {@code warn}, {@code info} or {@code debug}. */
  public String logLevel() {
    return logLevel;
  }

  /** Whether a span's exception event carries the exception's message (and its status the message). */
  public boolean exceptionMessage() {
    return exceptionMessage;
  }

  /** Whether a span's exception event carries the exception's stack trace. */
  public boolean exceptionStackTrace() {
    return exceptionStackTrace;
  }

  @Override
  public String toString() {
    // header values are never shown, and the endpoint's user-info is masked
    return "ExportSettings{endpoint=" + Secrets.url(endpoint) + ", protocol=" + protocol + ", headers=" + headers.keySet()
        + ", file=" + file + ", metricsFile=" + metricsFile + ", bufferSize=" + bufferSize
        + ", logLevel=" + logLevel + ", exceptionMessage=" + exceptionMessage
        + ", exceptionStackTrace=" + exceptionStackTrace + "}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ExportSettings)) {
      return false;
    }
    ExportSettings o = (ExportSettings) other;
    return Objects.equals(endpoint, o.endpoint) && Objects.equals(protocol, o.protocol) && Objects.equals(headers, o.headers) && Objects.equals(file, o.file) && Objects.equals(metricsFile, o.metricsFile) && bufferSize == o.bufferSize && Objects.equals(logLevel, o.logLevel) && exceptionMessage == o.exceptionMessage && exceptionStackTrace == o.exceptionStackTrace;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, protocol, headers, file, metricsFile, bufferSize, logLevel, exceptionMessage, exceptionStackTrace);
  }
}
