package dev.perfagent.agent;

import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.Secrets;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The {@code -javaagent} entry point. It reads the configuration first; only with a valid one does
 * it put the hot-path classes on the bootstrap class path (so woven code in any class loader can
 * call them) and start the agent, once per JVM. Nothing it does may stop the application from
 * starting.
 */
public final class PerfAgent {
  private PerfAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start("premain", args, inst);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start("agentmain", args, inst);
  }

  public static void main(String[] args) {
    System.exit(new Commands(System.out, System.err).run(args));
  }

  private static void start(String entry, String args, Instrumentation inst) {
    try {
      long start = System.nanoTime();
      Optional<String> earlier = OneStart.earlier();
      if (earlier.isPresent()) {
        System.err.println(OneStart.refusal(entry, earlier.get()));
        return;
      }
      AgentArguments arguments = AgentArguments.parse(args);
      FutureTask<Optional<Path>> bootstrapJar = BootstrapInjector.prepareInBackground();
      Optional<LoadedConfig> loaded = ConfigStep.read(arguments);
      if (loaded.isEmpty()) {
        return;
      }
      AgentConfig config = loaded.get().config();
      // claimed only now: a start without a usable config did nothing, and a later one may
      String how = entry + ", config " + config.source();
      if (!OneStart.claim(how)) {
        System.err.println(OneStart.refusal(entry, OneStart.earlier().orElse(how)));
        return;
      }
      long configRead = System.nanoTime();
      BootstrapInjector.inject(inst, bootstrapJar.get());
      if (ConfigStep.explicitLogLevel(arguments).orElse(config.export().logLevel()).equals("debug")) {
        System.err.printf(
            "[DEBUG] perf-agent: config read in %d ms, bootstrap classes injected in %d ms%n",
            (configRead - start) / 1_000_000, (System.nanoTime() - configRead) / 1_000_000);
      }
      // Loaded only now, so that the classes it links against resolve to the bootstrap copies.
      Class.forName("dev.perfagent.agent.AgentStarter")
          .getMethod("start", LoadedConfig.class, AgentArguments.class, Instrumentation.class)
          .invoke(null, loaded.get(), arguments, inst);
    } catch (Throwable t) {
      Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
      System.err.println(Secrets.mask(StartFailure.describe(cause)));
    }
  }
}
