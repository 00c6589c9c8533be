package dev.perfagent.agent.validate;

import dev.perfagent.config.Capture;
import dev.perfagent.config.Extractor;
import dev.perfagent.config.Mode;
import dev.perfagent.config.Nesting;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.SpanEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One line per pointcut: its name, where it comes from, what it matches and what each call records.
 * {@code agent.invoke (perf-agent.yaml:53): class com.acme.Agent, method handle(com.acme.Conversation)
 * -> span "invoke_agent {arg0.id}" internal; captures gen_ai.conversation.id=arg0.id; flow-down
 * gen_ai.conversation.id}
 */
final class PointcutLine {
  private PointcutLine() {}

  static String of(Pointcut p, String source) {
    return p.name() + " (" + origin(p, source) + "): " + matches(p) + " -> " + records(p) + captures(p);
  }

  /** {@code perf-agent.yaml:53} or {@code preset openai}. */
  static String origin(Pointcut p, String source) {
    return p.preset().map(name -> "preset " + name).orElse(source + ":" + p.line());
  }

  static String matches(Pointcut p) {
    List<String> parts = new ArrayList<>();
    p.classPattern().ifPresent(c -> parts.add("class " + c.text()));
    p.subtypeOf().ifPresent(s -> parts.add("subtype-of " + s));
    p.classAnnotation().ifPresent(a -> parts.add("annotated @" + a));
    String method = "method " + p.methodPattern().text()
        + p.parameters().map(types -> "(" + String.join(", ", types) + ")").orElse("(..)");
    parts.add(p.methodAnnotation().map(a -> method + " annotated @" + a).orElse(method));
    return String.join(", ", parts);
  }

  private static String records(Pointcut p) {
    Extractor extractor = p.extractor().orElse(null);
    if (extractor != null && extractor.notes()) {
      return "no span, notes for the jdbc spans (extract: " + extractor.text() + ")";
    }
    if (extractor == Extractor.JDBC_GUARD) {
      return "no span, a guard of group " + p.nestingGroup() + " (extract: " + extractor.text() + ")";
    }
    if (p.mode() == Mode.AGGREGATE) {
      return "aggregate: count and time on the enclosing span, no span";
    }
    StringBuilder s = new StringBuilder();
    s.append(extractor == Extractor.JDBC ? "jdbc span (extract: jdbc)" : "span \"" + p.spanName().text() + "\"");
    s.append(' ').append(p.kind().name().toLowerCase(Locale.ROOT));
    if (p.end() != SpanEnd.AUTO) {
      s.append(", ends on ").append(p.end().name().toLowerCase(Locale.ROOT));
    }
    if (p.nesting() == Nesting.OUTERMOST) {
      s.append(", outermost of group ").append(p.nestingGroup());
    }
    if (p.minDurationNanos() > 0) {
      s.append(", min-duration ").append(p.minDurationNanos() / 1000).append("us");
    }
    return s.toString();
  }

  private static String captures(Pointcut p) {
    StringBuilder s = new StringBuilder();
    // with content captured, captures() holds the content: entries too; they are listed apart
    List<String> read = entries(p.captures(), key -> !p.content().containsKey(key));
    List<String> content = entries(p.content(), key -> true);
    if (!read.isEmpty()) {
      s.append("; captures ").append(String.join(", ", read));
    }
    if (!content.isEmpty()) {
      s.append("; content (when captured) ").append(String.join(", ", content));
    }
    if (!p.flowDown().isEmpty()) {
      s.append("; flow-down ").append(String.join(", ", p.flowDown()));
    }
    return s.toString();
  }

  /** {@code key=path} for each capture whose key {@code shown} accepts. */
  private static List<String> entries(Map<String, Capture> captures, Predicate<String> shown) {
    List<String> entries = new ArrayList<>();
    captures.forEach((key, capture) -> {
      if (shown.test(key)) {
        entries.add(key + "=" + capture);
      }
    });
    return entries;
  }
}
