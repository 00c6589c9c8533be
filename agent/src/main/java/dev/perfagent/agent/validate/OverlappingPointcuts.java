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
    Map<String, String> firstShared = new LinkedHashMap<>();
    Map<String, Integer> sharedCount = new LinkedHashMap<>();
    Map<String, Pointcut[]> pairs = new LinkedHashMap<>();
    byMethod.forEach((method, pointcuts) -> {
      for (int i = 0; i < pointcuts.size(); i++) {
        for (int j = i + 1; j < pointcuts.size(); j++) {
          Pointcut a = pointcuts.get(i);
          Pointcut b = pointcuts.get(j);
          if (a.preset().isPresent() && b.preset().isPresent() || !makesSpans(a) || !makesSpans(b)
              || oneSpan(a, b)) {
            continue;
          }
          String key = a.name() + "\u0000" + b.name();
          pairs.putIfAbsent(key, new Pointcut[] {a, b});
          firstShared.putIfAbsent(key, method);
          sharedCount.merge(key, 1, Integer::sum);
        }
      }
    });
    List<String> warnings = new ArrayList<>();
    pairs.forEach((key, pair) -> {
      int more = sharedCount.get(key) - 1;
      Pointcut preset = pair[0].preset().isPresent() ? pair[0] : pair[1].preset().isPresent() ? pair[1] : null;
      warnings.add("pointcuts '" + pair[0].name() + "' (" + PointcutLine.origin(pair[0], source) + ") and '"
          + pair[1].name() + "' (" + PointcutLine.origin(pair[1], source) + ") both instrument "
          + firstShared.get(key) + (more == 0 ? "" : " and " + more + " more method" + (more == 1 ? "" : "s"))
          + ": each call makes two nested spans (and an LLM call counts its tokens twice); "
          + (preset == null
              ? "drop one, or put both in one group with nesting: outermost"
              : "name yours '" + preset.name() + "' to replace the preset's, or switch the preset off (presets:)"));
    });
    return warnings;
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
