package dev.perfagent.agent.export;

import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.internal.marshal.Serializer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Collection;

/**
 * The SDK's OTLP/HTTP protobuf span exporter with its requests written by {@link OtlpProtoSpans}
 * (the same bytes, for less CPU than the SDK's marshaller) and sent by the SDK's own HTTP
 * exporter inside it, so that everything configured for it still applies: endpoint, headers,
 * compression, timeout, TLS, retry, proxy and its own metrics. The HTTP exporter is a private field
 * of the SDK's: when it is not there as expected (another SDK version), or the exporter sends JSON
 * ({@code http/json}), the SDK's exporter is used as it is.
 */
final class OtlpHttpProtoSpanExporter implements SpanExporter {
  private final SpanExporter sdk;
  private final HttpExporter http;
  private final OtlpProtoSpans writer = new OtlpProtoSpans();

  private OtlpHttpProtoSpanExporter(SpanExporter sdk, HttpExporter http) {
    this.sdk = sdk;
    this.http = http;
  }

  /** {@code exporter} with its requests written directly, or {@code exporter} itself where that cannot be. */
  static SpanExporter of(SpanExporter exporter) {
    if (!(exporter instanceof OtlpHttpSpanExporter)) {
      return exporter;
    }
    try {
      HttpExporter http = (HttpExporter) field(OtlpHttpSpanExporter.class, "delegate").get(exporter);
      if (http == null || field(HttpExporter.class, "exportAsJson").getBoolean(http)) {
        return exporter;
      }
      return new OtlpHttpProtoSpanExporter(exporter, http);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return exporter;
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    byte[] request;
    try {
      synchronized (writer) { // the batch processor's worker, and the warm-up before it
        request = writer.write(spans).toByteArray(); // its own array: the send finishes on another thread
      }
    } catch (RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    return http.export(new Written(request), spans.size());
  }

  @Override
  public CompletableResultCode flush() {
    return sdk.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return sdk.shutdown();
  }

  @Override
  public String toString() {
    return sdk.toString();
  }

  /** A request already written, as the HTTP exporter takes it. */
  private static final class Written extends Marshaler {
    private final byte[] request;

    Written(byte[] request) {
      this.request = request;
    }

    @Override
    public int getBinarySerializedSize() {
      return request.length;
    }

    @Override
    protected void writeTo(Serializer output) throws IOException {
      output.writeSerializedMessage(request, "");
    }

    @Override
    public MessageWriter toBinaryMessageWriter() {
      return new MessageWriter() {
        @Override
        public void writeMessage(OutputStream output) throws IOException {
          output.write(request);
        }

        @Override
        public int getContentLength() {
          return request.length;
        }
      };
    }
  }
}
