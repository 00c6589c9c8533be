package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.ClassFacts;
import dev.perfagent.agent.weave.MethodFacts;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.Suggest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints what a {@link ClassPathScan} found: per pointcut the methods it would instrument (the first
 * {@link #SHOWN}, or all), per preset whether its library is on the class path, and adds the
 * warnings: pointcuts of the file that match nothing, over-wide pointcuts, paths that never resolve,
 * pointcuts that instrument the same method.
 */
final class MatchListing {
  /** Methods listed per pointcut without {@code --all}. */
  static final int SHOWN = 10;
  /** Examples given: classes that could not be decided for, nearest method names. */
  private static final int EXAMPLES = 3;

  private final AgentConfig config;
  private final ClassPathScan scan;
  private final boolean all;
  private final PrintStream out;

  MatchListing(AgentConfig config, ClassPathScan scan, boolean all, PrintStream out) {
    this.config = config;
    this.scan = scan;
    this.all = all;
    this.out = out;
  }

  void print(List<String> warnings) {
    out.println();
    out.println("class path: " + scan.classes() + " classes read from their class files, none loaded"
        + (scan.unreadable() == 0 ? "" : " (" + scan.unreadable() + " class files could not be read)"));
    out.println();
    out.println("what each pointcut instruments:");
    for (PointcutMatches m : scan.matches()) {
      if (m.matchesNothing()) {
        if (m.pointcut.preset().isEmpty()) {
          out.println("  " + m.pointcut.name() + ": nothing");
          warnings.add("pointcut '" + m.pointcut.name() + "' (" + PointcutLine.origin(m.pointcut, config.source())
              + ") matches nothing on the class path: " + PointcutLine.matches(m.pointcut) + why(m));
        }
        continue;
      }
      printMatches(m);
      overWide(m).ifPresent(warnings::add);
      warnings.addAll(m.pathProblems());
    }
    warnings.addAll(OverlappingPointcuts.warnings(scan.matches(), config.source()));
    printPresets();
    printUndecided();
  }

  private void printMatches(PointcutMatches m) {
    int classes = m.methods().size();
    int methods = m.methodCount();
    out.println("  " + m.pointcut.name() + ": " + plural(classes, "class", "classes") + ", "
        + plural(methods, "method", "methods"));
    int shown = 0;
    int classesShown = 0;
    for (Map.Entry<String, List<String>> c : m.methods().entrySet()) {
      if (!all && shown == SHOWN) {
        break;
      }
      classesShown++;
      for (String method : c.getValue()) {
        if (!all && shown == SHOWN) {
          break;
        }
        out.println("    " + c.getKey() + "." + method);
        shown++;
      }
    }
    if (shown < methods) {
      out.println("    ... and " + plural(methods - shown, "more method", "more methods")
          + (classes > classesShown ? " in " + plural(classes - classesShown, "more class", "more classes") : "")
          + " (--all lists every one)");
    }
  }

  /** For a pointcut naming its class exactly: whether the class is there, and its nearest methods. */
  private String why(PointcutMatches m) {
    if (m.targets.exactClass().isEmpty()) {
      return "";
    }
    String name = m.targets.exactClass().get();
    Optional<ClassFacts> type = scan.find(name);
    if (type.isEmpty()) {
      return "; there is no class " + name + nearest(name, scan.classNames().stream(), s -> s);
    }
    String wanted = m.pointcut.methodPattern().text();
    return "; " + name + " has no such method" + nearest(wanted,
        type.get().methods().stream().filter(MethodFacts::isMethod).map(MethodFacts::signature),
        s -> s.substring(0, s.indexOf('(')));
  }

  /** The {@link #EXAMPLES} candidates whose key is nearest to {@code wanted}, as a hint. */
  private static String nearest(String wanted, Stream<String> candidates, Function<String, String> key) {
    List<String> nearest = candidates.distinct()
        .sorted(Comparator.comparingInt((String s) -> Suggest.distance(wanted, key.apply(s))).thenComparing(s -> s))
        .limit(EXAMPLES).collect(Collectors.toList());
    return nearest.isEmpty() ? "" : "; the nearest: " + String.join(", ", nearest);
  }

  /** What {@code limits.classes-per-pointcut} would refuse, for a pointcut it applies to. */
  private Optional<String> overWide(PointcutMatches m) {
    int limit = config.limits().classesPerPointcut();
    if (!m.targets.limited() || m.methods().size() <= limit) {
      return Optional.empty();
    }
    return Optional.of("pointcut '" + m.pointcut.name() + "' matches " + m.methods().size()
        + " classes, more than " + limit + " (limits.classes-per-pointcut): the agent weaves the first "
        + limit + " the application loads and leaves the others alone; narrow its class pattern");
  }

  private void printPresets() {
    if (config.presets().isEmpty()) {
      return;
    }
    out.println();
    out.println("presets:");
    for (String preset : config.presets()) {
      List<String> unmatched = new ArrayList<>();
      int total = 0;
      for (PointcutMatches m : scan.matches()) {
        if (m.pointcut.preset().filter(preset::equals).isPresent()) {
          total++;
          if (m.matchesNothing()) {
            unmatched.add(m.pointcut.name());
          }
        }
      }
      if (unmatched.size() == total) {
        out.println("  " + preset + ": not on the class path");
      } else {
        out.println("  " + preset + ": " + (total - unmatched.size()) + " of " + total + " pointcuts match"
            + (unmatched.isEmpty() ? "" : " (nothing here for " + String.join(", ", unmatched)
                + ": other versions or drivers)"));
      }
    }
  }

  /**
   * Classes some pointcuts could not decide for, since a type they need (a supertype, an annotation)
   * is not on the class path: the weaver would skip them for those pointcuts, and the JVM could not
   * load them anyway. Said once for all pointcuts, with a few of the classes.
   */
  private void printUndecided() {
    Map<String, String> classes = new LinkedHashMap<>();
    List<String> pointcuts = new ArrayList<>();
    for (PointcutMatches m : scan.matches()) {
      if (!m.undecided().isEmpty()) {
        pointcuts.add(m.pointcut.name());
        m.undecided().forEach(classes::putIfAbsent);
      }
    }
    if (classes.isEmpty()) {
      return;
    }
    List<String> some = new ArrayList<>();
    for (Map.Entry<String, String> c : classes.entrySet()) {
      if (some.size() == EXAMPLES) {
        break;
      }
      some.add(c.getKey() + " (" + c.getValue() + ")");
    }
    out.println();
    out.println("not looked at by " + String.join(", ", pointcuts) + ": " + plural(classes.size(), "class needs",
        "classes need") + " a type that is not on the class path (the JVM could not load them either); e.g. "
        + String.join("; ", some));
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
