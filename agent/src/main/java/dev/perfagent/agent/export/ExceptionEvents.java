package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.FrozenError;
import dev.perfagent.config.ExportSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * What a span says about the exception that ended it: the ERROR status and the {@code exception}
 * event, with the message (in both) and the stack trace only where {@code export.exception-message}
 * and {@code export.exception-stack-trace} allow them, since either can carry personal or secret data.
 */
final class ExceptionEvents {
  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");
  private static final int MAX_STACKTRACE_LENGTH = 16 * 1024;

  private final boolean messages;
  private final boolean stackTraces;

  ExceptionEvents(ExportSettings settings) {
    this.messages = settings.exceptionMessage();
    this.stackTraces = settings.exceptionStackTrace();
  }

  StatusData status(FrozenError error) {
    return messages && error.message() != null
        ? StatusData.create(StatusCode.ERROR, error.message())
        : StatusData.error();
  }

  EventData event(FrozenError error, long epochNanos) {
    AttributesBuilder event = Attributes.builder().put(EXCEPTION_TYPE, error.type());
    if (messages && error.message() != null) {
      event.put(EXCEPTION_MESSAGE, error.message());
    }
    if (stackTraces) {
      // the messages of the causes too are left out of the trace when messages are
      event.put(EXCEPTION_STACKTRACE, error.stackTrace(MAX_STACKTRACE_LENGTH, messages));
    }
    return EventData.create(epochNanos, "exception", event.build());
  }
}
