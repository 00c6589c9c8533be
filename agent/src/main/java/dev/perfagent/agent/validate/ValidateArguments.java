package dev.perfagent.agent.validate;

import java.util.List;

/** The arguments of {@code validate}: {@code CONFIG [--classpath CP] [--all] [--strict]}. */
final class ValidateArguments {
  String config;
  String classPath;
  boolean all;
  boolean strict;
  boolean help;

  static ValidateArguments parse(List<String> args) {
    ValidateArguments a = new ValidateArguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        a.help = true;
      } else if (arg.equals("--all")) {
        a.all = true;
      } else if (arg.equals("--strict")) {
        a.strict = true;
      } else if (arg.startsWith("--classpath=")) {
        a.classPath = arg.substring("--classpath=".length());
      } else if (arg.equals("--classpath") || arg.equals("-cp")) {
        if (i + 1 == args.size()) {
          throw new UsageError(arg + " needs a class path (jars and directories separated by ':')");
        }
        a.classPath = args.get(++i);
      } else if (arg.startsWith("-")) {
        throw new UsageError("unknown option " + arg);
      } else if (a.config != null) {
        throw new UsageError("one configuration file at a time; got " + a.config + " and " + arg);
      } else {
        a.config = arg;
      }
    }
    if (a.config == null && !a.help) {
      throw new UsageError("name the configuration file to check");
    }
    return a;
  }

  /** A wrong use of the command: said in one line, exit code 2. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }
}
