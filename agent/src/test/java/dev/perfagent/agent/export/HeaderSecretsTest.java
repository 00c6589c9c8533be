package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderSecretsTest {
  @Test
  void yamlHeaderValuesSurviveTheSdksParsingAndDecoding() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", "a,b=c+d %e");
    headers.put("x-tenant", "42");
    String property = HeaderSecrets.property(headers);
    Map<String, String> parsed =
        DefaultConfigProperties.createFromMap(Map.of("otel.exporter.otlp.headers", property))
            .getMap("otel.exporter.otlp.headers");
    Map<String, String> decoded = new LinkedHashMap<>();
    parsed.forEach((k, v) -> decoded.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8))); // as the SDK does
    assertEquals(headers, decoded);
  }

  @Test
  void everyHeaderValueFromAnySettingIsMaskedInMessages() {
    HeaderSecrets.remember(
        DefaultConfigProperties.createFromMap(
            Map.of(
                "otel.exporter.otlp.headers", "x-tenant=tenant-1f2e3d,x-note=two%20words",
                "otel.exporter.otlp.metrics.headers", "Authorization Bearer malformed-9c8b7a")));
    assertEquals(
        "*** and *** and *** and ***",
        Secrets.mask("tenant-1f2e3d and two%20words and two words and Authorization Bearer malformed-9c8b7a"));
  }
}
