package dev.perfagent.bench;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A local telemetry sink for the benchmarks, on 127.0.0.1 only. It accepts
 * <ul>
 *   <li>OTLP/HTTP protobuf: {@code POST /v1/traces} (spans counted by walking the protobuf wire
 *       format: ExportTraceServiceRequest.resource_spans[1] / ResourceSpans.scope_spans[2] /
 *       ScopeSpans.spans[2]), {@code /v1/metrics} and {@code /v1/logs} (requests counted);</li>
 *   <li>the Elastic APM server's intake API: {@code GET /} (server information),
 *       {@code POST /intake/v2/events} (ND-JSON, deflate or gzip; transactions and spans counted),
 *       {@code /config/v1/agents} (empty central configuration);</li>
 *   <li>{@code GET /stats} (counters as {@code key=value} lines) and {@code POST /reset}.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks.jar dev.perfagent.bench.Receiver [--port N] [--port-file F]}.
 */
public final class Receiver {
  private static final byte[] APM_SERVER_INFO =
      ("{\"build_date\":\"2024-06-01T00:00:00Z\",\"build_sha\":\"bench\",\"publish_ready\":true,"
              + "\"version\":\"8.15.0\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final AtomicLong otlpSpans = new AtomicLong();
  private final AtomicLong otlpTraceRequests = new AtomicLong();
  private final AtomicLong otlpMetricRequests = new AtomicLong();
  private final AtomicLong otlpLogRequests = new AtomicLong();
  private final AtomicLong apmRequests = new AtomicLong();
  private final AtomicLong apmTransactions = new AtomicLong();
  private final AtomicLong apmSpans = new AtomicLong();
  private final AtomicLong apmOtherEvents = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong badRequests = new AtomicLong();
  private final AtomicLong handlerNanos = new AtomicLong();
  private final AtomicLong bodyReadNanos = new AtomicLong();
  private final AtomicLong firstSpanMillis = new AtomicLong();
  private final AtomicLong lastSpanMillis = new AtomicLong();

  public static void main(String[] args) throws IOException {
    int port = 0;
    Path portFile = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port": port = Integer.parseInt(args[i + 1]); break;
        case "--port-file": portFile = Paths.get(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    new Receiver().start(port, portFile);
  }

  private void start(int port, Path portFile) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    // (run.sh also starts this JVM with -Dsun.net.httpserver.nodelay=true: no Nagle delay on replies)
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "receiver");
      t.setDaemon(false);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    int bound = server.getAddress().getPort();
    System.out.println("receiver: listening on http://127.0.0.1:" + bound);
    if (portFile != null) {
      Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
      Files.write(tmp, String.valueOf(bound).getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = readBody(exchange);
      bodyReadNanos.addAndGet(System.nanoTime() - started);
      bytes.addAndGet(body.length);
      switch (path) {
        case "/v1/traces": {
          long n;
          try {
            n = countOtlpSpans(body);
          } catch (IOException e) {
            badRequests.incrementAndGet();
            respond(exchange, 400, "application/x-protobuf", new byte[0]);
            return;
          }
          otlpTraceRequests.incrementAndGet();
          if (n > 0) {
            long now = System.currentTimeMillis();
            firstSpanMillis.compareAndSet(0, now);
            lastSpanMillis.set(now);
          }
          otlpSpans.addAndGet(n);
          respond(exchange, 200, "application/x-protobuf", new byte[0]);
          return;
        }
        case "/v1/metrics":
          otlpMetricRequests.incrementAndGet();
          respond(exchange, 200, "application/x-protobuf", new byte[0]);
          return;
        case "/v1/logs":
          otlpLogRequests.incrementAndGet();
          respond(exchange, 200, "application/x-protobuf", new byte[0]);
          return;
        case "/intake/v2/events":
          apmRequests.incrementAndGet();
          countApmEvents(body);
          respond(exchange, 202, "application/json", new byte[0]);
          return;
        case "/config/v1/agents":
          respond(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
          return;
        case "/stats":
          respond(exchange, 200, "text/plain", stats().getBytes(StandardCharsets.UTF_8));
          return;
        case "/reset":
          reset();
          respond(exchange, 200, "text/plain", "reset\n".getBytes(StandardCharsets.UTF_8));
          return;
        case "/":
          respond(exchange, 200, "application/json", APM_SERVER_INFO);
          return;
        default:
          badRequests.incrementAndGet();
          respond(exchange, 404, "text/plain", ("no " + method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      badRequests.incrementAndGet();
      System.err.println("receiver: " + e);
    } finally {
      handlerNanos.addAndGet(System.nanoTime() - started);
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    byte[] raw = in.readAllBytes();
    if (encoding == null || raw.length == 0) {
      return raw;
    }
    switch (encoding.trim().toLowerCase(Locale.ROOT)) {
      case "gzip":
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          return z.readAllBytes();
        }
      case "deflate":
        try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(raw))) {
          return z.readAllBytes();
        } catch (IOException zlibFailed) {
          try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true))) {
            return z.readAllBytes();
          }
        }
      default:
        return raw;
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Spans in an OTLP ExportTraceServiceRequest, without building the message objects. */
  static long countOtlpSpans(byte[] body) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(body);
    long spans = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return spans;
      }
      if (isMessage(tag, 1)) { // resource_spans
        int limit = in.pushLimit(in.readRawVarint32());
        while (true) {
          int t2 = in.readTag();
          if (t2 == 0) {
            break;
          }
          if (isMessage(t2, 2)) { // scope_spans
            int limit2 = in.pushLimit(in.readRawVarint32());
            while (true) {
              int t3 = in.readTag();
              if (t3 == 0) {
                break;
              }
              if (isMessage(t3, 2)) { // spans
                spans++;
              }
              in.skipField(t3);
            }
            in.popLimit(limit2);
          } else {
            in.skipField(t2);
          }
        }
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  private static boolean isMessage(int tag, int field) {
    return WireFormat.getTagFieldNumber(tag) == field
        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  private void countApmEvents(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    long now = System.currentTimeMillis();
    boolean any = false;
    for (String line : text.split("\n")) {
      String l = line.trim();
      if (l.startsWith("{\"transaction\"")) {
        apmTransactions.incrementAndGet();
        any = true;
      } else if (l.startsWith("{\"span\"")) {
        apmSpans.incrementAndGet();
        any = true;
      } else if (!l.isEmpty()) {
        apmOtherEvents.incrementAndGet();
      }
    }
    if (any) {
      firstSpanMillis.compareAndSet(0, now);
      lastSpanMillis.set(now);
    }
  }

  private String stats() {
    StringBuilder s = new StringBuilder();
    line(s, "otlp_spans", otlpSpans);
    line(s, "otlp_trace_requests", otlpTraceRequests);
    line(s, "otlp_metric_requests", otlpMetricRequests);
    line(s, "otlp_log_requests", otlpLogRequests);
    line(s, "apm_requests", apmRequests);
    line(s, "apm_transactions", apmTransactions);
    line(s, "apm_spans", apmSpans);
    line(s, "apm_other_events", apmOtherEvents);
    line(s, "bytes", bytes);
    line(s, "bad_requests", badRequests);
    line(s, "handler_nanos", handlerNanos);
    line(s, "body_read_nanos", bodyReadNanos);
    line(s, "first_span_ms", firstSpanMillis);
    line(s, "last_span_ms", lastSpanMillis);
    return s.toString();
  }

  private static void line(StringBuilder s, String key, AtomicLong value) {
    s.append(key).append('=').append(value.get()).append('\n');
  }

  private void reset() {
    for (AtomicLong a : new AtomicLong[] {otlpSpans, otlpTraceRequests, otlpMetricRequests,
        otlpLogRequests, apmRequests, apmTransactions, apmSpans, apmOtherEvents, bytes, badRequests,
        handlerNanos, bodyReadNanos, firstSpanMillis, lastSpanMillis}) {
      a.set(0);
    }
  }

}
