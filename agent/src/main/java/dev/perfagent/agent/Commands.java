package dev.perfagent.agent;

import dev.perfagent.agent.validate.ValidateCommand;
import dev.perfagent.config.Presets;
import dev.perfagent.report.CompareCommand;
import dev.perfagent.report.ReportCommand;
import java.io.PrintStream;
import java.util.List;

/**
 * What {@code java -jar perf-agent.jar ...} does: the agent's commands. Each returns the process's
 * exit code; an unknown command or argument is an error (2), never a silent success.
 */
final class Commands {
  static final int OK = 0;
  static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;

  Commands(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(out);
      return OK;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    if (args[0].equals("presets")) {
      return presets(rest);
    }
    if (args[0].equals("report")) {
      return ReportCommand.run(rest, out, err);
    }
    if (args[0].equals("compare")) {
      return CompareCommand.run(rest, out, err);
    }
    if (args[0].equals("validate")) {
      return ValidateCommand.run(rest, out, err);
    }
    err.println("perf-agent: unknown command '" + args[0] + "'");
    usage(err);
    return USAGE;
  }

  private void usage(PrintStream to) {
    to.println("perf-agent: attach it with -javaagent:perf-agent.jar[=config=/path/perf-agent.yaml]");
    to.println();
    to.println("commands (java -jar perf-agent.jar COMMAND):");
    to.println("  presets [NAME...]   list the built-in presets and print their pointcuts (YAML)");
    to.println("  " + ReportCommand.SUMMARY);
    to.println("  " + CompareCommand.SUMMARY);
    to.println("  " + ValidateCommand.SUMMARY);
    to.println("  --help              this text (COMMAND --help: the command's options)");
  }

  private int presets(List<String> names) {
    for (String name : names) {
      if (name.equals("--help")) {
        out.println("usage: java -jar perf-agent.jar presets [NAME...]");
        out.println("prints the YAML of the named presets, or of all: " + String.join(", ", Presets.NAMES));
        return OK;
      }
      if (!Presets.NAMES.contains(name)) {
        err.println("perf-agent: no preset '" + name + "'; the presets are " + String.join(", ", Presets.NAMES));
        return USAGE;
      }
    }
    List<String> shown = names.isEmpty() ? Presets.NAMES : names;
    out.println("# presets: " + String.join(", ", Presets.NAMES) + " (all on unless the config says presets: ...)");
    for (String name : shown) {
      out.println();
      out.println("# ---- preset " + name + " ----");
      out.print(Presets.yaml(name));
    }
    return OK;
  }
}
