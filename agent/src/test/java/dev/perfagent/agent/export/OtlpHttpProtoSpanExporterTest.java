package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTLP/HTTP exporter with the direct writer, against a local HTTP server, next to the SDK's own. */
class OtlpHttpProtoSpanExporterTest {
  private HttpServer server;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            requests.add(
                new Request(
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("x-api-key"),
                    exchange.getRequestHeaders().getFirst("Content-Encoding"), in.readAllBytes()));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsTheSdksBytesWithItsEndpointHeadersAndCompression() throws Exception {
    List<SpanData> spans = new ArrayList<>(OtlpTestSpans.everyKindOfAttribute());
    spans.addAll(OtlpTestSpans.eventsLinksStatusKindsIdsAndCounts());
    OtlpHttpSpanExporter sdk =
        OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/custom/traces")
            .addHeader("x-api-key", "secret")
            .setCompression("gzip")
            .build();
    SpanExporter direct = OtlpHttpProtoSpanExporter.of(sdk);
    assertNotSame(sdk, direct);
    assertEquals(sdk.toString(), direct.toString());

    assertTrue(direct.export(spans).join(10, TimeUnit.SECONDS).isSuccess());
    Request mine = requests.poll(10, TimeUnit.SECONDS);
    assertTrue(sdk.export(spans).join(10, TimeUnit.SECONDS).isSuccess());
    Request theirs = requests.poll(10, TimeUnit.SECONDS);
    assertEquals("/custom/traces", mine.path);
    assertEquals("secret", mine.apiKey);
    assertEquals("gzip", mine.encoding);
    assertArrayEquals(gunzip(theirs.body), gunzip(mine.body));
    assertArrayEquals(new OtlpProtoSpans().write(spans).toByteArray(), gunzip(mine.body));

    assertTrue(direct.shutdown().join(10, TimeUnit.SECONDS).isSuccess());
    assertFalse(direct.export(spans).join(10, TimeUnit.SECONDS).isSuccess(), "no export after shutdown");
  }

  @Test
  void aRefusedRequestFailsTheExport() {
    status = 400; // not retried: a failure at once
    SpanExporter direct =
        OtlpHttpProtoSpanExporter.of(
            OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces").build());
    CompletableResultCode result = direct.export(OtlpTestSpans.agentsOwnSpans()).join(10, TimeUnit.SECONDS);
    assertTrue(result.isDone());
    assertFalse(result.isSuccess());
  }

  @Test
  void aSpanThatCannotBeWrittenFailsItsExportOnly() {
    SpanExporter direct =
        OtlpHttpProtoSpanExporter.of(
            OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces").build());
    assertFalse(direct.export(List.of(OtlpTestSpans.broken())).isSuccess());
    assertTrue(direct.export(OtlpTestSpans.agentsOwnSpans()).join(10, TimeUnit.SECONDS).isSuccess());
  }

  @Test
  void otherExportersAreUsedAsTheyAre() {
    SpanExporter file = new JsonLinesSpanExporter(new java.io.ByteArrayOutputStream(), "t.jsonl");
    assertSame(file, OtlpHttpProtoSpanExporter.of(file));
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static final class Request {
    final String path;
    final String apiKey;
    final String encoding;
    final byte[] body;

    Request(String path, String apiKey, String encoding, byte[] body) {
      this.path = path;
      this.apiKey = apiKey;
      this.encoding = encoding;
      this.body = body;
    }
  }
}
