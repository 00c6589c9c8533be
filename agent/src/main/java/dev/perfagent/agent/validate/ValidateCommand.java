package dev.perfagent.agent.validate;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.weave.PointcutTargets;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigException;
import dev.perfagent.config.ConfigLoader;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.Presets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code validate CONFIG [--classpath CP]}: checks a pointcut file as the agent reads it at start-up
 * and, given the application's class path, lists what each pointcut would instrument.
 */
public final class ValidateCommand {
  public static final String SUMMARY =
      "validate CONFIG     check a pointcut file; --classpath CP: what each pointcut instruments";
  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar perf-agent.jar validate CONFIG [--classpath CP] [--all] [--strict]",
      "Checks CONFIG as the agent reads it at start-up (your pointcuts and the presets it turns on),",
      "prints every problem as file:line:column, and one line per pointcut of the file (per preset for",
      "the presets'): what it matches and records.",
      "  --classpath CP   (or -cp CP) the application's class path: jars and directories separated by",
      "                   ':', dir/* for the jars of a directory. Lists the classes and methods each",
      "                   pointcut would instrument, the pointcuts that match nothing, over-wide ones, and",
      "                   capture paths that can never have a value. Classes are read from their class",
      "                   files: none is loaded or initialized.",
      "  --all            list every preset pointcut and every matched method (default: the first "
          + MatchListing.SHOWN + " per pointcut)",
      "  --strict         exit 1 on warnings too (a pointcut of the file that matches nothing, ...)",
      "  --help           this text",
      "exit code: 0 valid, 1 the config has errors (or warnings, with --strict), 2 bad usage");

  private ValidateCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ValidateArguments arguments;
    try {
      arguments = ValidateArguments.parse(args);
    } catch (ValidateArguments.UsageError e) {
      return usage(err, e.getMessage());
    }
    if (arguments.help) {
      out.println(USAGE_TEXT);
      return OK;
    }
    Path file = Path.of(arguments.config);
    if (!Files.isRegularFile(file)) {
      return usage(err, "no file " + file);
    }
    AgentConfig config;
    try {
      // content captures are checked too: an environment variable can switch them on at deployment
      config = ConfigLoader.load(file).capturingContent();
    } catch (ConfigException e) {
      out.println(e.getMessage());
      out.println(file + " is not valid: the agent would report this and run the application without"
          + " instrumentation");
      return INVALID;
    }
    return check(config, arguments, out, err);
  }

  /** Checks a valid {@code config}: its pointcuts in force and, with a class path, what they match. */
  private static int check(AgentConfig config, ValidateArguments arguments, PrintStream out, PrintStream err) {
    List<String> errors = new ArrayList<>();
    PointcutCatalog catalog = PointcutCatalog.compile(config, problem -> errors.add(problem + ", pointcut skipped"));
    List<Pointcut> inForce = catalog.pointcuts().stream().map(CompiledPointcut::config).collect(Collectors.toList());
    List<String> warnings = new ArrayList<>();
    for (Pointcut p : inForce) {
      new PointcutTargets(p).refusal().ifPresent(warnings::add);
      everyPackage(p, config).ifPresent(warnings::add);
    }
    ClassPath classPath = null;
    try {
      if (arguments.classPath != null) {
        classPath = ClassPath.parse(arguments.classPath, Path.of(""));
        if (classPath.entries().isEmpty()) {
          return usage(err, "no jar or directory in --classpath " + arguments.classPath);
        }
        classPath.missing().forEach(
            missing -> err.println("perf-agent validate: class path entry " + missing + " does not exist, left out"));
      }
      printPointcuts(config, inForce, arguments.all, out);
      if (classPath == null) {
        out.println();
        out.println("(--classpath CP lists the classes and methods each pointcut would instrument)");
      } else {
        new MatchListing(config, ClassPathScan.of(classPath, inForce), arguments.all, out).print(warnings);
        classPath.close();
      }
    } catch (IOException e) {
      err.println("perf-agent validate: cannot read the class path: " + e);
      return USAGE;
    }
    return verdict(config.source(), errors, warnings, arguments.strict, out);
  }

  /**
   * A pointcut of the file whose class pattern starts with a wildcard and has no supertype or
   * annotation to narrow it: it takes the first classes loaded, the libraries' as much as the
   * application's, up to the class limit; said without a class path, before any run.
   */
  private static Optional<String> everyPackage(Pointcut p, AgentConfig config) {
    if (p.preset().isPresent() || p.subtypeOf().isPresent() || p.classAnnotation().isPresent()
        || p.classPattern().filter(c -> c.text().startsWith("*")).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("pointcut '" + p.name() + "' (" + PointcutLine.origin(p, config.source()) + "): class '"
        + p.classPattern().get().text() + "' matches classes of every package, the libraries' too: only the first "
        + config.limits().classesPerPointcut() + " loaded (limits.classes-per-pointcut) are woven, maybe none of"
        + " yours; name a package (com.acme.**) or a supertype (subtype-of)");
  }

  /** The file's pointcuts one line each; the presets' one line per preset unless {@code all}. */
  private static void printPointcuts(AgentConfig config, List<Pointcut> inForce, boolean all, PrintStream out) {
    long own = inForce.stream().filter(p -> p.preset().isEmpty()).count();
    List<String> off = new ArrayList<>(Presets.NAMES);
    off.removeAll(config.presets());
    out.println(config.source() + ": " + inForce.size() + " pointcuts in force: " + own + " of the file, "
        + (inForce.size() - own) + " of the presets " + (config.presets().isEmpty() ? "(none)"
            : String.join(", ", config.presets()))
        + (off.isEmpty() ? "" : " (off: " + String.join(", ", off) + ")"));
    Map<String, Long> perPreset = new LinkedHashMap<>();
    for (Pointcut p : inForce) {
      if (all || p.preset().isEmpty()) {
        out.println("  " + PointcutLine.of(p, config.source()));
      } else {
        perPreset.merge(p.preset().get(), 1L, Long::sum);
      }
    }
    perPreset.forEach((preset, n) -> out.println("  preset " + preset + ": " + n + " pointcuts (--all lists them)"));
  }


  private static int verdict(String file, List<String> errors, List<String> warnings, boolean strict, PrintStream out) {
    out.println();
    for (String error : errors) {
      out.println("error: " + error);
    }
    for (String warning : warnings) {
      out.println("warning: " + warning);
    }
    String counts = errors.size() + (errors.size() == 1 ? " error, " : " errors, ") + warnings.size()
        + (warnings.size() == 1 ? " warning" : " warnings");
    if (!errors.isEmpty()) {
      out.println(file + " has problems: " + counts);
      return INVALID;
    }
    if (strict && !warnings.isEmpty()) {
      out.println(file + " is valid, but --strict fails on its " + counts);
      return INVALID;
    }
    out.println(file + " is valid (" + counts + ")");
    return OK;
  }

  private static int usage(PrintStream err, String message) {
    err.println("perf-agent validate: " + message);
    err.println("(java -jar perf-agent.jar validate --help)");
    return USAGE;
  }
}
