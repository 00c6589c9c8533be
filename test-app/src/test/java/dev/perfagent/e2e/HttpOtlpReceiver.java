package dev.perfagent.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.zip.GZIPInputStream;

/**
 * OTLP over HTTP/protobuf: decodes the real request bodies with the opentelemetry-proto classes.
 * It can also play a backend that takes traces but has no metrics endpoint.
 */
final class HttpOtlpReceiver extends OtlpReceiver {
  private final HttpServer server;
  private final boolean metricsNotFound;

  HttpOtlpReceiver() throws IOException {
    this(false);
  }

  /** A receiver that answers 404 Not Found to every metrics request (and still counts it). */
  static HttpOtlpReceiver withoutMetricsEndpoint() throws IOException {
    return new HttpOtlpReceiver(true);
  }

  private HttpOtlpReceiver(boolean metricsNotFound) throws IOException {
    this.metricsNotFound = metricsNotFound;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", this::metrics);
    server.start();
  }

  private void traces(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
    received(ProtoSpans.from(request));
    respond(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  private void metrics(HttpExchange exchange) throws IOException {
    body(exchange).readAllBytes();
    receivedMetrics();
    if (metricsNotFound) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    respond(exchange, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
        ? new GZIPInputStream(in)
        : in;
  }

  private static void respond(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  String protocol() {
    return "http/protobuf";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
