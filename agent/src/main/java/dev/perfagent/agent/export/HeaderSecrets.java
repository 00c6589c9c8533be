package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OTLP header values, wherever they were set (the YAML's {@code export.headers},
 * {@code OTEL_EXPORTER_OTLP_HEADERS} and its per-signal forms), are secrets: they are remembered by
 * {@link Secrets} before any exporter is built, so that no message can show them, not even the
 * SDK's own error about a malformed setting.
 */
final class HeaderSecrets {
  static final List<String> PROPERTIES =
      List.of(
          "otel.exporter.otlp.headers", "otel.exporter.otlp.traces.headers",
          "otel.exporter.otlp.metrics.headers", "otel.exporter.otlp.logs.headers");

  private HeaderSecrets() {}

  /** A properties customizer that changes nothing and remembers every header value. */
  static Map<String, String> remember(ConfigProperties properties) {
    for (String property : PROPERTIES) {
      String raw = properties.getString(property);
      if (raw == null) {
        continue;
      }
      Secrets.remember(raw); // whole, as a malformed setting is quoted
      for (String entry : raw.split(",")) {
        int eq = entry.indexOf('=');
        String value = (eq < 0 ? entry : entry.substring(eq + 1)).trim();
        Secrets.remember(value);
        Secrets.remember(decoded(value));
      }
    }
    return Collections.emptyMap();
  }

  /**
   * The YAML's headers in the form of {@code otel.exporter.otlp.headers}, whose values the SDK
   * percent-decodes: encoded, so that a value keeps its {@code ,}, {@code =}, {@code +} and {@code %}.
   */
  static String property(Map<String, String> headers) {
    return headers.entrySet().stream()
        .map(h -> h.getKey() + "=" + encoded(h.getValue()))
        .collect(Collectors.joining(","));
  }

  private static String encoded(String value) {
    try {
      return URLEncoder.encode(value, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String decoded(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException | IllegalArgumentException malformed) {
      return value;
    }
  }
}
