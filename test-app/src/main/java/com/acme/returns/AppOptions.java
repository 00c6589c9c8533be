package com.acme.returns;

import com.acme.returns.db.Database;
import com.acme.returns.agent.ModelRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Run options: defaults from the bundled app-defaults.yaml, overridden by the command line. */
record AppOptions(int conversations, int concurrency, long seed, int maxIterations,
    double latencyScale, List<ModelRoute> routes, String db, boolean verbose, boolean linger, boolean help) {

  static final String DEFAULTS_RESOURCE = "/app-defaults.yaml";

  AppOptions {
    require(conversations >= 0, "--conversations must be >= 0");
    require(concurrency >= 1, "--concurrency must be >= 1");
    require(maxIterations >= 1, "--max-iterations must be >= 1");
    require(latencyScale >= 0 && !Double.isInfinite(latencyScale),
        "--latency-scale must be a number >= 0");
    require(!routes.isEmpty(), "at least one model route is needed");
    routes = List.copyOf(routes);
  }

  static String usage() {
    return String.join("\n",
        "usage: java -jar test-app.jar [options]",
        "  --conversations N    conversations to run (default 12)",
        "  --concurrency C      worker threads (default 2)",
        "  --seed S             seed of the simulation (default 42)",
        "  --max-iterations M   agent loop limit per conversation (default 8)",
        "  --latency-scale F    multiplies every simulated wait; 0 = none (default 1.0)",
        "  --db JDBC_URL        the returns database, e.g. jdbc:postgresql://localhost/returns?user=u"
            + " (default: H2 in memory)",
        "  --verbose            print each conversation's outcome and answer",
        "  --linger             stay up after the conversations, as a service would, with the database"
            + " pool open, until stopped (SIGTERM, Ctrl-C): metrics stay scrapeable",
        "  --help               this text",
        "Defaults come from app-defaults.yaml in the jar; '--name=value' works too.");
  }

  static AppOptions parse(String... args) {
    AppOptions defaults = defaults();
    int conversations = defaults.conversations();
    int concurrency = defaults.concurrency();
    long seed = defaults.seed();
    int maxIterations = defaults.maxIterations();
    double latencyScale = defaults.latencyScale();
    String db = defaults.db();
    boolean verbose = false;
    boolean linger = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        help = true;
        continue;
      }
      if (name.equals("--verbose")) {
        verbose = true;
        continue;
      }
      if (name.equals("--linger")) {
        linger = true;
        continue;
      }
      String value;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value for " + name);
      }
      try {
        switch (name) {
          case "--conversations": conversations = Integer.parseInt(value); break;
          case "--concurrency": concurrency = Integer.parseInt(value); break;
          case "--seed": seed = Long.parseLong(value); break;
          case "--max-iterations": maxIterations = Integer.parseInt(value); break;
          case "--latency-scale": latencyScale = Double.parseDouble(value); break;
          case "--db": db = value; break;
          default: throw new IllegalArgumentException("unknown option " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number for " + name + ": " + value);
      }
    }
    return new AppOptions(conversations, concurrency, seed, maxIterations, latencyScale,
        defaults.routes(), db, verbose, linger, help);
  }

  static AppOptions defaults() {
    try (InputStream in = AppOptions.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
      }
      Load load = new Load(LoadSettings.builder().setLabel(DEFAULTS_RESOURCE).build());
      Map<?, ?> yaml = (Map<?, ?>) load.loadFromInputStream(in);
      return new AppOptions(
          number(yaml, "conversations").intValue(),
          number(yaml, "concurrency").intValue(),
          number(yaml, "seed").longValue(),
          number(yaml, "max-iterations").intValue(),
          number(yaml, "latency-scale").doubleValue(),
          routes(yaml.get("routes")),
          Database.H2_URL,
          false,
          false,
          false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Number number(Map<?, ?> yaml, String key) {
    Object value = yaml.get(key);
    if (!(value instanceof Number)) {
      throw new IllegalStateException(DEFAULTS_RESOURCE + ": '" + key + "' must be a number");
    }
    return (Number) value;
  }

  private static List<ModelRoute> routes(Object value) {
    List<ModelRoute> routes = new ArrayList<>();
    if (value instanceof List) {
      for (Object item : (List<?>) value) {
        Map<?, ?> route = (Map<?, ?>) item;
        routes.add(new ModelRoute(String.valueOf(route.get("provider")),
            String.valueOf(route.get("small-model")), String.valueOf(route.get("large-model"))));
      }
    }
    return routes;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
