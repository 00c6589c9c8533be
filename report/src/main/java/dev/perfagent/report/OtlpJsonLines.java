package dev.perfagent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads OTLP JSON lines (one {@code ExportTraceServiceRequest} per line: the agent's local file and
 * the OpenTelemetry Collector's file exporter) with a streaming parser. A line is parsed whole before
 * its spans are handed on, so a broken line (a truncated last line, a line that is not OTLP) gives
 * one problem naming the file and line and no spans, and the next line is read as usual. Lines of
 * metrics or logs are skipped.
 */
final class OtlpJsonLines {
  private static final JsonFactory JSON = new JsonFactory();

  private final Runs runs;
  private final Problems problems;

  OtlpJsonLines(Runs runs, Problems problems) {
    this.runs = runs;
    this.problems = problems;
  }

  /**
   * Reads {@code file}, handing each span to {@code spans} and the length of each line to
   * {@code progress}; returns the number of spans read.
   */
  long read(Path file, Consumer<Span> spans, LongConsumer progress) {
    long count = 0;
    int lineNumber = 0;
    boolean anyLine = false;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        progress.accept(line.length() + 1L);
        if (line.isBlank()) {
          continue;
        }
        anyLine = true;
        List<Span> parsed;
        try {
          parsed = parseLine(line);
        } catch (IOException | NotOtlp e) {
          problems.add(file + ":" + lineNumber + ": " + describe(e) + "; line skipped");
          continue;
        }
        for (Span s : parsed) {
          spans.accept(s);
        }
        count += parsed.size();
      }
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
    }
    if (!anyLine) {
      problems.add(file + ": empty file, no spans");
    }
    return count;
  }

  private static String describe(Exception e) {
    if (e instanceof NotOtlp) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
    return message.contains("end-of-input") || message.contains("Unexpected end")
        ? "truncated JSON (the line ends in the middle of an object)"
        : "not JSON (" + message + ")";
  }

  List<Span> parseLine(String line) throws IOException, NotOtlp {
    List<Span> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new NotOtlp("not an OTLP JSON object");
      }
      boolean otlp = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("resourceSpans")) {
          otlp = true;
          expect(p, JsonToken.START_ARRAY, "resourceSpans");
          while (p.nextToken() == JsonToken.START_OBJECT) {
            resourceSpans(p, out);
          }
        } else {
          otlp |= field.equals("resourceMetrics") || field.equals("resourceLogs");
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new NotOtlp("not an OTLP JSON object");
      }
      if (p.nextToken() != null) {
        throw new NotOtlp("more than one JSON value on the line");
      }
      if (!otlp) {
        throw new NotOtlp("not OTLP JSON (no resourceSpans, resourceMetrics or resourceLogs)");
      }
    }
    return out;
  }

  private void resourceSpans(JsonParser p, List<Span> out) throws IOException, NotOtlp {
    Map<String, Object> resource = Map.of();
    List<List<RawSpan>> scopes = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("resource")) {
        resource = resource(p);
      } else if (field.equals("scopeSpans")) {
        expect(p, JsonToken.START_ARRAY, "scopeSpans");
        while (p.nextToken() == JsonToken.START_OBJECT) {
          scopes.add(scopeSpans(p));
        }
      } else {
        p.skipChildren();
      }
    }
    // the resource may come after the spans in a file written by another tool
    RunInfo run = runs.of(
        str(resource.get("service.instance.id")), str(resource.get("service.name")),
        str(resource.get("process.creation.time")));
    for (List<RawSpan> scope : scopes) {
      for (RawSpan s : scope) {
        out.add(s.toSpan(run));
      }
    }
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  private static Map<String, Object> resource(JsonParser p) throws IOException, NotOtlp {
    Map<String, Object> attributes = Map.of();
    expect(p, JsonToken.START_OBJECT, "resource");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("attributes")) {
        attributes = attributes(p);
      } else {
        p.skipChildren();
      }
    }
    return attributes;
  }

  private static List<RawSpan> scopeSpans(JsonParser p) throws IOException, NotOtlp {
    List<RawSpan> spans = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("spans")) {
        expect(p, JsonToken.START_ARRAY, "spans");
        while (p.nextToken() == JsonToken.START_OBJECT) {
          spans.add(span(p));
        }
      } else {
        p.skipChildren();
      }
    }
    return spans;
  }

  private static RawSpan span(JsonParser p) throws IOException, NotOtlp {
    RawSpan s = new RawSpan();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "traceId": s.traceId = p.getValueAsString(""); break;
        case "spanId": s.spanId = p.getValueAsString(""); break;
        case "parentSpanId": s.parentId = p.getValueAsString(""); break;
        case "name": s.name = p.getValueAsString(""); break;
        case "startTimeUnixNano": s.start = nanos(p); break;
        case "endTimeUnixNano": s.end = nanos(p); break;
        case "attributes": s.attributes = attributes(p); break;
        case "status": status(p, s); break;
        default: p.skipChildren();
      }
    }
    if (s.traceId.isEmpty() || s.spanId.isEmpty() || s.start == 0) {
      throw new NotOtlp("a span without traceId, spanId or startTimeUnixNano");
    }
    return s;
  }

  private static void status(JsonParser p, RawSpan s) throws IOException, NotOtlp {
    expect(p, JsonToken.START_OBJECT, "status");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("code")) {
        // a number in the agent's and the Collector's files; the enum name in proto3 JSON
        s.error = p.currentToken() == JsonToken.VALUE_STRING
            ? p.getText().equals("STATUS_CODE_ERROR")
            : p.getValueAsInt() == 2;
      } else if (field.equals("message")) {
        s.statusMessage = p.getValueAsString("");
      } else {
        p.skipChildren();
      }
    }
  }

  private static long nanos(JsonParser p) throws IOException, NotOtlp {
    try {
      return p.currentToken() == JsonToken.VALUE_STRING ? Long.parseLong(p.getText()) : p.getValueAsLong();
    } catch (NumberFormatException e) {
      throw new NotOtlp("a time that is not a number: " + p.getText());
    }
  }

  private static Map<String, Object> attributes(JsonParser p) throws IOException, NotOtlp {
    expect(p, JsonToken.START_ARRAY, "attributes");
    Map<String, Object> out = new HashMap<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String key = null;
      Object value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("key")) {
          key = p.getText();
        } else if (field.equals("value")) {
          value = anyValue(p);
        } else {
          p.skipChildren();
        }
      }
      if (key != null && value != null) {
        out.put(key, value);
      }
    }
    return out;
  }

  /** An OTLP {@code AnyValue}: int64 is a string in OTLP JSON; arrays become their text. */
  private static Object anyValue(JsonParser p) throws IOException, NotOtlp {
    expect(p, JsonToken.START_OBJECT, "value");
    Object value = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "stringValue": value = p.getText(); break;
        case "intValue":
          try {
            value = p.currentToken() == JsonToken.VALUE_STRING ? Long.parseLong(p.getText()) : p.getValueAsLong();
          } catch (NumberFormatException e) {
            value = p.getText();
          }
          break;
        case "doubleValue": value = p.getValueAsDouble(); break;
        case "boolValue": value = p.getValueAsBoolean(); break;
        default:
          p.skipChildren();
          value = field;
      }
    }
    return value;
  }

  private static void expect(JsonParser p, JsonToken token, String what) throws NotOtlp {
    if (p.currentToken() != token) {
      throw new NotOtlp("'" + what + "' is not " + (token == JsonToken.START_ARRAY ? "an array" : "an object"));
    }
  }

  /** A line that is JSON but not OTLP as expected. */
  static final class NotOtlp extends Exception {
    private static final long serialVersionUID = 1L;

    NotOtlp(String message) {
      super(message, null, false, false);
    }
  }

  private static final class RawSpan {
    String traceId = "";
    String spanId = "";
    String parentId = "";
    String name = "";
    long start;
    long end;
    boolean error;
    String statusMessage = "";
    Map<String, Object> attributes = Map.of();

    Span toSpan(RunInfo run) {
      return new Span(run, traceId, spanId, parentId, name, start, end, error, statusMessage, attributes);
    }
  }
}
