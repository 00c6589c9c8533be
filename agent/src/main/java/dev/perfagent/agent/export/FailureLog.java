package dev.perfagent.agent.export;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reports the failures of one destination without flooding the log: the first failure of a run of
 * failures with its cause, a different kind of failure once, and the recovery. (The SDK's own
 * messages go to java.util.logging, which an application may have silenced.)
 */
final class FailureLog {
  private final String destination;
  private final Consumer<String> problems;
  /** What was reported since the last success; null while all is well. */
  private final AtomicReference<String> reported = new AtomicReference<>();

  FailureLog(String destination, Consumer<String> problems) {
    this.destination = destination;
    this.problems = problems;
  }

  String destination() {
    return destination;
  }

  /** {@code what} failed ("export failed, spans are being dropped"); null cause: the backend said no. */
  void failed(String what, Throwable cause) {
    if (!what.equals(reported.getAndSet(what))) {
      problems.accept(what + ": " + describe(cause) + " (" + destination + ")");
    }
  }

  /** {@code what} works ("export"); said only after a failure. */
  void succeeded(String what) {
    if (reported.getAndSet(null) != null) {
      problems.accept(what + " works again (" + destination + ")");
    }
  }

  /**
   * Sends one export and reports how it ended: {@code success} when the backend took it,
   * {@code failure} with the cause otherwise (an exception the exporter throws included, which
   * never reaches the caller). Returns the export's result.
   */
  static CompletableResultCode watch(
      Supplier<CompletableResultCode> send, Runnable success, Consumer<Throwable> failure) {
    CompletableResultCode result;
    try {
      result = send.get();
    } catch (RuntimeException e) {
      failure.accept(e);
      return CompletableResultCode.ofFailure();
    }
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            success.run();
          } else {
            failure.accept(result.getFailureThrowable());
          }
        });
    return result;
  }

  /**
   * The cause as a user can act on it: the backend's answer ({@code HTTP 404 Not Found}, a gRPC
   * status), else the exception inside the wrappers the exporter and its HTTP client put around it
   * ({@code java.net.ConnectException: Connection refused}).
   */
  static String describe(Throwable cause) {
    if (cause == null) {
      return "the backend rejected the request";
    }
    if (cause instanceof FailedExportException.HttpExportException) {
      HttpResponse response = ((FailedExportException.HttpExportException) cause).getResponse();
      if (response != null) {
        return "the backend answered HTTP " + response.getStatusCode() + text(response.getStatusMessage());
      }
    }
    if (cause instanceof FailedExportException.GrpcExportException) {
      GrpcResponse response = ((FailedExportException.GrpcExportException) cause).getResponse();
      if (response != null) {
        return "the backend answered gRPC status " + response.getStatusCode() + text(response.getStatusDescription());
      }
    }
    Throwable inner = cause;
    while (isWrapper(inner) && inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    return inner.toString();
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof FailedExportException
        || t instanceof CompletionException
        || t instanceof ExecutionException
        || t instanceof UncheckedIOException;
  }

  private static String text(String message) {
    return message == null || message.isEmpty() ? "" : " " + message;
  }

  /** True when the last attempt failed. */
  boolean failing() {
    return reported.get() != null;
  }
}
