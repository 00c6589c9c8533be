package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ConsoleSpanExporterTest {
  @Test
  void printsWhatTheSdksConsoleExporterLogs() {
    List<SpanData> spans =
        List.of(TestSpans.span(Attributes.of(AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o")),
            TestSpans.span(Attributes.empty()));
    List<String> logged = new ArrayList<>();
    Logger sdkLogger = Logger.getLogger(LoggingSpanExporter.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    sdkLogger.addHandler(capture);
    try {
      LoggingSpanExporter.create().export(spans);
    } finally {
      sdkLogger.removeHandler(capture);
    }

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConsoleSpanExporter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).export(spans);
    assertEquals(2, logged.size());
    assertEquals(String.join(System.lineSeparator(), logged) + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
  }
}
