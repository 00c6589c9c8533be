package dev.perfagent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code export:} mapping. */
final class ExportReader {
  static final List<String> KEYS =
      List.of("endpoint", "protocol", "headers", "file", "metrics-file", "buffer-size", "log-level",
          "exception-message", "exception-stack-trace");
  static final List<String> PROTOCOLS = List.of("grpc", "http/protobuf");
  static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug");

  private final Problems problems;
  private final Values values;

  ExportReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  ExportSettings read(MappingNode mapping) {
    Fields f = Fields.read(mapping, KEYS, problems);
    String endpoint = null;
    if (f.has("endpoint")) {
      endpoint = endpoint(f.value("endpoint"));
    }
    String protocol = f.has("protocol") ? values.choice("protocol", f.value("protocol"), PROTOCOLS) : null;
    Map<String, String> headers = new LinkedHashMap<>();
    if (f.has("headers")) {
      MappingNode h = values.mapping("headers", f.value("headers"), "a mapping of header names to values");
      if (h != null) {
        Fields hf = Fields.read(h, null, "header name", problems);
        for (String name : hf.keys()) {
          if (!HttpHeaders.isName(name)) {
            problems.at(hf.keyNode(name), "header " + Texts.quote(name)
                + ": invalid header name; use letters, digits and !#$%&'*+-.^_`|~ (no spaces)");
          }
          String value = values.string("header " + Texts.quote(name), hf.value(name));
          if (value != null && !HttpHeaders.isValue(value)) {
            // the value may be a secret: it is not shown
            problems.at(hf.value(name), "header " + Texts.quote(name)
                + ": the value contains a line break or another control character, which HTTP does not allow");
          } else if (value != null) {
            headers.put(name, value);
          }
        }
      }
    }
    String file = ExportSettings.DEFAULT_FILE;
    if (f.has("file")) {
      file = values.string("file", f.value("file"));
    }
    String metricsFile = ExportSettings.DEFAULT_METRICS_FILE;
    if (f.has("metrics-file")) {
      metricsFile = values.string("metrics-file", f.value("metrics-file"));
    }
    Integer bufferSize = ExportSettings.DEFAULT_BUFFER_SIZE;
    if (f.has("buffer-size")) {
      bufferSize = values.integer("buffer-size", f.value("buffer-size"), ExportSettings.MIN_BUFFER_SIZE,
          ExportSettings.MAX_BUFFER_SIZE);
    }
    String logLevel = ExportSettings.DEFAULT_LOG_LEVEL;
    if (f.has("log-level")) {
      logLevel = values.choice("log-level", f.value("log-level"), LOG_LEVELS);
    }
    Boolean exceptionMessage =
        f.has("exception-message") ? values.bool("exception-message", f.value("exception-message")) : Boolean.TRUE;
    Boolean exceptionStackTrace =
        f.has("exception-stack-trace")
            ? values.bool("exception-stack-trace", f.value("exception-stack-trace"))
            : Boolean.TRUE;
    if (file == null || metricsFile == null || bufferSize == null || logLevel == null || exceptionMessage == null
        || exceptionStackTrace == null) {
      return null; // problems reported
    }
    return new ExportSettings(endpoint, protocol, headers, file, metricsFile, bufferSize, logLevel,
        exceptionMessage, exceptionStackTrace);
  }

  private String endpoint(Node node) {
    String text = values.string("endpoint", node);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.at(node, "endpoint: expected an http:// or https:// URL such as http://localhost:4318, got "
        + Texts.quote(Secrets.url(text)));
    return null;
  }
}
