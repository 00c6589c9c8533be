package dev.perfagent.agent.validate;

import dev.perfagent.config.AgentConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints what a {@link ClassPathScan} found: per pointcut the methods it would instrument (the first
 * {@link #SHOWN}, or all), per preset whether its library is on the class path, and adds the
 * warnings: pointcuts of the file that match nothing, over-wide pointcuts, paths that never resolve.
 */
final class MatchListing {
  /** Methods listed per pointcut without {@code --all}. */
  static final int SHOWN = 10;
  /** Classes named per pointcut that could not be decided for. */
  private static final int UNDECIDED_SHOWN = 3;

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
              + ") matches nothing on the class path: " + PointcutLine.matches(m.pointcut));
        }
        continue;
      }
      printMatches(m);
      overWide(m).ifPresent(warnings::add);
      warnings.addAll(m.pathProblems());
    }
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

  /** What {@code limits.classes-per-pointcut} would refuse, for a pointcut it applies to. */
  private java.util.Optional<String> overWide(PointcutMatches m) {
    int limit = config.limits().classesPerPointcut();
    if (!m.targets.limited() || m.methods().size() <= limit) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("pointcut '" + m.pointcut.name() + "' matches " + m.methods().size()
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

  /** Classes a pointcut could not decide for: the weaver would skip them too (and the JVM could not load them). */
  private void printUndecided() {
    boolean header = false;
    for (PointcutMatches m : scan.matches()) {
      Map<String, String> undecided = m.undecided();
      if (undecided.isEmpty()) {
        continue;
      }
      if (!header) {
        out.println();
        out.println("classes a pointcut could not decide for (a type they need is not on the class path;"
            + " the JVM could not load them either):");
        header = true;
      }
      List<String> some = new ArrayList<>();
      for (Map.Entry<String, String> u : undecided.entrySet()) {
        if (some.size() == UNDECIDED_SHOWN) {
          break;
        }
        some.add(u.getKey() + " (" + u.getValue() + ")");
      }
      out.println("  " + m.pointcut.name() + ": " + plural(undecided.size(), "class", "classes") + ", e.g. "
          + String.join("; ", some));
    }
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
