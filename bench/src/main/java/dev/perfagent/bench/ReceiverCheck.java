package dev.perfagent.bench;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * The receiver's own ceiling: posts synthetic OTLP trace requests (1,024 spans of the span-load
 * shape each, fixed Content-Length, one request in flight, as an exporter does) for a few seconds
 * and prints the spans per second the receiver counted. Shows that the receiver is not what limits
 * the export figures. Usage: {@code ReceiverCheck PORT [SECONDS]}.
 */
public final class ReceiverCheck {
  private static final int SPANS_PER_REQUEST = 1024;

  private ReceiverCheck() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    byte[] body = payload(SPANS_PER_REQUEST);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long requests = 0;
    while (System.nanoTime() < end) {
      HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new IOException("receiver answered " + r.statusCode());
      }
      requests++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "receiver-check: requests=%d spans=%d bytes_per_request=%d seconds=%.3f spans_per_s=%.0f%n",
        requests, requests * SPANS_PER_REQUEST, body.length, elapsed,
        requests * SPANS_PER_REQUEST / elapsed);
  }

  /** An ExportTraceServiceRequest with one resource and one scope holding {@code n} spans. */
  static byte[] payload(int n) throws IOException {
    ByteArrayOutputStream scope = new ByteArrayOutputStream();
    CodedOutputStream s = CodedOutputStream.newInstance(scope);
    s.writeByteArray(1, message(o -> o.writeString(1, "perf-agent"))); // InstrumentationScope
    for (int i = 0; i < n; i++) {
      final int k = i;
      s.writeByteArray(2, message(o -> {
        o.writeByteArray(1, new byte[16]); // trace_id
        o.writeByteArray(2, new byte[8]); // span_id
        o.writeString(5, "Work.step");
        o.writeEnum(6, 1);
        o.writeFixed64(7, 1_700_000_000_000_000_000L + k);
        o.writeFixed64(8, 1_700_000_000_000_001_000L + k);
        o.writeByteArray(9, message(a -> {
          a.writeString(1, "route");
          a.writeByteArray(2, message(v -> v.writeString(1, "route-0")));
        }));
        o.writeByteArray(9, message(a -> {
          a.writeString(1, "n");
          a.writeByteArray(2, message(v -> v.writeInt64(3, k)));
        }));
      }));
    }
    s.flush();
    byte[] resourceSpans = message(r -> {
      r.writeByteArray(1, message(res -> res.writeByteArray(1, message(a -> {
        a.writeString(1, "service.name");
        a.writeByteArray(2, message(v -> v.writeString(1, "perf-agent-span-load")));
      }))));
      r.writeByteArray(2, scope.toByteArray());
    });
    return message(req -> req.writeByteArray(1, resourceSpans));
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Writer w) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    w.write(out);
    out.flush();
    return bytes.toByteArray();
  }
}
