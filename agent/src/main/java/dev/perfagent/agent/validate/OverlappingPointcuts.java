package dev.perfagent.agent.validate;

import dev.perfagent.config.Mode;
import dev.perfagent.config.Nesting;
import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pointcuts of the file that instrument a method another pointcut instruments too (often a preset's
 * pointcut copied under a new name): the weaver applies both, so each call makes two nested spans and
 * counts its tokens twice, unless both are one {@code nesting: outermost} group.
 */
final class OverlappingPointcuts {
  private OverlappingPointcuts() {}

  /** One warning per pair of pointcuts that share methods, naming the first method they share. */
  static List<String> warnings(List<PointcutMatches> matches, String source) {
    Map<String, List<Pointcut>> byMethod = new LinkedHashMap<>();
    for (PointcutMatches m : matches) {
      m.methods().forEach((type, signatures) -> signatures.forEach(
          signature -> byMethod.computeIfAbsent(type + "." + signature, k -> new ArrayList<>()).add(m.pointcut)));
    }
    Map<String, Overlap> overlaps = new LinkedHashMap<>();
    byMethod.forEach((method, pointcuts) -> {
      for (int i = 0; i < pointcuts.size(); i++) {
        for (int j = i + 1; j < pointcuts.size(); j++) {
          Pointcut a = pointcuts.get(i);
          Pointcut b = pointcuts.get(j);
          if (a.preset().isPresent() && b.preset().isPresent() || !makesSpans(a) || !makesSpans(b)
              || oneSpan(a, b)) {
            continue;
          }
          overlaps.computeIfAbsent(a.name() + "\u0000" + b.name(), k -> new Overlap(a, b, method)).methods++;
        }
      }
    });
    List<String> warnings = new ArrayList<>();
    overlaps.values().forEach(o -> warnings.add(o.warning(source)));
    return warnings;
  }

  /** Two pointcuts that weave the same methods, the first of them, and how many. */
  private static final class Overlap {
    final Pointcut a;
    final Pointcut b;
    final String first;
    int methods;

    Overlap(Pointcut a, Pointcut b, String first) {
      this.a = a;
      this.b = b;
      this.first = first;
    }

    String warning(String source) {
      int more = methods - 1;
      Pointcut preset = a.preset().isPresent() ? a : b.preset().isPresent() ? b : null;
      return "pointcuts '" + a.name() + "' (" + PointcutLine.origin(a, source) + ") and '" + b.name() + "' ("
          + PointcutLine.origin(b, source) + ") both instrument " + first
          + (more == 0 ? "" : " and " + more + " more method" + (more == 1 ? "" : "s"))
          + ": each call makes two nested spans (and an LLM call counts its tokens twice); "
          + (preset == null
              ? "drop one, or put both in one group with nesting: outermost"
              : "name yours '" + preset.name() + "' to replace the preset's, or switch the preset off (presets:)");
    }
  }

  /** Not aggregate mode, not a pointcut that only notes a value or guards its group ({@code extract:}). */
  private static boolean makesSpans(Pointcut p) {
    return p.mode() == Mode.SPAN && p.extractor().filter(e -> e.notes() || e.guards()).isEmpty();
  }

  /** Both in one nesting group whose nested calls record nothing: one span per call. */
  private static boolean oneSpan(Pointcut a, Pointcut b) {
    return a.nesting() == Nesting.OUTERMOST && b.nesting() == Nesting.OUTERMOST
        && a.nestingGroup().equals(b.nestingGroup());
  }
}
