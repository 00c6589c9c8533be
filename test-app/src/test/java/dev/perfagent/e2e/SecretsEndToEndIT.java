package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in any output: an endpoint with a user and password, a YAML header and an
 * OTEL_EXPORTER_OTLP_*_HEADERS value, at debug level, with the backend up and with it down.
 */
class SecretsEndToEndIT {
  private static final String URL_PASSWORD = "url-pass-5e1c2b";
  private static final String YAML_HEADER = "yaml-header-7d4a90";
  private static final String ENV_HEADER = "env-header-3f8e61";
  private static final List<String> SECRETS = List.of(URL_PASSWORD, YAML_HEADER, ENV_HEADER);

  @TempDir Path work;

  @Test
  void aReachableBackendGetsTheSpansAndNoOutputShowsASecret() throws Exception {
    try (OtlpReceiver receiver = new HttpOtlpReceiver()) {
      AppRun run = run(receiver.endpoint());
      assertEquals(0, run.exitCode, run.toString());
      assertTrue(receiver.spans().size() > 0, "the user-info did not stop the export:\n" + run);
      assertTrue(receiver.metricRequests() > 0, "metrics (with the YAML's header) were sent too:\n" + run);
      assertTrue(run.stderr.contains("exporting to OTLP " + masked(receiver.endpoint())), run.stderr);
      assertNoSecret(run);
    }
  }

  @Test
  void aBackendThatIsDownIsReportedWithoutASecret() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closedPort;
    AppRun run = run(endpoint);
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stderr.contains("export failed"), "the failure is reported:\n" + run.stderr);
    assertTrue(run.stderr.contains("-> OTLP " + masked(endpoint)), "the summary names the masked endpoint:\n" + run.stderr);
    assertNoSecret(run);
  }

  private AppRun run(String endpoint) throws Exception {
    String withUser = endpoint.replace("http://", "http://agent-user:" + URL_PASSWORD + "@");
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config,
        "export:\n  endpoint: " + withUser + "\n  headers:\n    x-api-key: " + YAML_HEADER + "\n"
            + Files.readString(AppRun.appConfig(), StandardCharsets.UTF_8));
    return AppRun.run(
        AppRun.defaultJava(), work, "config=" + config + ",log-level=debug",
        Map.of("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "authorization=Bearer " + ENV_HEADER),
        "--conversations", "2");
  }

  private static String masked(String endpoint) {
    return endpoint.replace("http://", "http://***@");
  }

  private static void assertNoSecret(AppRun run) {
    for (String secret : SECRETS) {
      assertFalse(run.stdout.contains(secret), secret + " in stdout:\n" + run.stdout);
      assertFalse(run.stderr.contains(secret), secret + " in stderr:\n" + run.stderr);
    }
    assertFalse(run.stderr.contains("agent-user"), "the user name is part of the user-info:\n" + run.stderr);
  }
}
