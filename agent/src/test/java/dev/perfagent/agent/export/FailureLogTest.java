package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureLogTest {
  @Test
  void theBackendsAnswerIsTheCause() {
    assertEquals(
        "the backend answered HTTP 404 Not Found",
        FailureLog.describe(FailedExportException.httpFailedWithResponse(http(404, "Not Found"))));
    assertEquals(
        "the backend answered gRPC status UNAUTHENTICATED bad token",
        FailureLog.describe(FailedExportException.grpcFailedWithResponse(grpc(GrpcStatusCode.UNAUTHENTICATED, "bad token"))));
  }

  @Test
  void withoutAnAnswerTheExceptionInsideTheWrappersIs() {
    ConnectException refused = new ConnectException("Connection refused");
    refused.initCause(new ClosedChannelException()); // as the JDK's HttpClient has it
    Throwable wrapped =
        FailedExportException.httpFailedExceptionally(new CompletionException(new UncheckedIOException(refused)));
    assertEquals("java.net.ConnectException: Connection refused", FailureLog.describe(wrapped));
    assertEquals("the backend rejected the request", FailureLog.describe(null));
  }

  private static HttpResponse http(int status, String message) {
    return new HttpResponse() {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      public String getStatusMessage() {
        return message;
      }

      @Override
      public byte[] getResponseBody() {
        return new byte[0];
      }
    };
  }

  private static GrpcResponse grpc(GrpcStatusCode status, String description) {
    return new GrpcResponse() {
      @Override
      public GrpcStatusCode getStatusCode() {
        return status;
      }

      @Override
      public String getStatusDescription() {
        return description;
      }

      @Override
      public byte[] getResponseMessage() {
        return new byte[0];
      }
    };
  }
}
