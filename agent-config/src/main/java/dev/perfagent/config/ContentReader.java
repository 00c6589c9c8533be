package dev.perfagent.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** Reads the {@code content:} mapping. */
final class ContentReader {
  static final List<String> KEYS = List.of("capture", "max-length");

  private final Problems problems;
  private final Values values;

  ContentReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** The settings, or null when there are problems (all reported). */
  ContentSettings read(MappingNode mapping) {
    Fields f = Fields.read(mapping, KEYS, problems);
    Boolean capture = f.has("capture") ? values.bool("capture", f.value("capture")) : Boolean.FALSE;
    Integer maxLength = ContentSettings.DEFAULT_MAX_LENGTH;
    if (f.has("max-length")) {
      maxLength = values.integer("max-length", f.value("max-length"), ContentSettings.MIN_MAX_LENGTH,
          ContentSettings.MAX_MAX_LENGTH);
    }
    return capture == null || maxLength == null ? null : new ContentSettings(capture, maxLength);
  }
}
