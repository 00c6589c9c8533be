package dev.perfagent.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --flag}, {@code --option VALUE} (or {@code --option=VALUE}) and
 * positional arguments. Anything else starting with {@code --} is refused by name.
 */
final class Args {
  final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();

  static Args parse(List<String> args, Set<String> flags, Set<String> valued) throws UsageError {
    Args a = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        a.positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (flags.contains(name) && eq < 0) {
        a.options.put(name, "");
      } else if (valued.contains(name)) {
        if (eq > 0) {
          a.options.put(name, arg.substring(eq + 1));
        } else if (i + 1 < args.size()) {
          a.options.put(name, args.get(++i));
        } else {
          throw new UsageError(name + " needs a value");
        }
      } else {
        throw new UsageError("unknown option " + name);
      }
    }
    return a;
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  String get(String name) {
    return options.get(name);
  }

  int integer(String name, int otherwise) throws UsageError {
    String v = options.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageError(name + " takes a whole number >= 0, not '" + v + "'");
    }
  }

  /** Wrong use of a command: said in one line, exit code 2. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }
}
