package dev.perfagent.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides whether message content is captured: the system property
 * {@code otel.instrumentation.genai.capture-message-content} wins over the variable
 * {@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT}, and either wins over
 * {@code content.capture} in the file, as every standard OpenTelemetry setting wins over the YAML.
 * Besides {@code true} and {@code false} (the Java agent's values) the Python instrumentations' values
 * are understood: {@code SPAN_ONLY} and {@code SPAN_AND_EVENT} capture (the agent puts content on
 * spans only), {@code NO_CONTENT} and {@code EVENT_ONLY} do not. Any other value captures nothing
 * and says so: content is private, so a doubtful setting never turns it on.
 */
public final class ContentSwitch {
  public static final String ENVIRONMENT_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";
  public static final String SYSTEM_PROPERTY = "otel.instrumentation.genai.capture-message-content";

  private final boolean on;
  private final String source;
  private final String warning;

  private ContentSwitch(boolean on, String source, String warning) {
    this.on = on;
    this.source = source;
    this.warning = warning;
  }

  /** The decision for a file whose {@code content.capture} is {@code fromFile}. */
  public static ContentSwitch decide(boolean fromFile, Map<String, String> environment, Properties properties) {
    String property = properties.getProperty(SYSTEM_PROPERTY);
    if (property != null && !property.isBlank()) {
      return parse(property, "-D" + SYSTEM_PROPERTY);
    }
    String variable = environment.get(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return parse(variable, ENVIRONMENT_VARIABLE);
    }
    return new ContentSwitch(fromFile, "content.capture", null);
  }

  private static ContentSwitch parse(String value, String setting) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "span_only":
      case "span_and_event":
        return new ContentSwitch(true, setting, null);
      case "false":
      case "no_content":
        return new ContentSwitch(false, setting, null);
      case "event_only":
        return new ContentSwitch(false, setting, setting + " is " + Texts.quote(value.trim())
            + ", content on events only; perf-agent records it on spans, so message content is not captured");
      default:
        return new ContentSwitch(false, setting, setting + " is " + Texts.quote(value.trim())
            + ", not true or false (nor NO_CONTENT, SPAN_ONLY, EVENT_ONLY or SPAN_AND_EVENT);"
            + " message content is not captured");
    }
  }

  /** Whether the {@code content:} captures of the pointcuts are read. */
  public boolean on() {
    return on;
  }

  /** The setting that decided: the system property, the variable or {@code content.capture}. */
  public String source() {
    return source;
  }

  /** What to tell the user about a value that was not understood or cannot be honoured. */
  public Optional<String> warning() {
    return Optional.ofNullable(warning);
  }
}
