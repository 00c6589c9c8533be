package dev.perfagent.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. It first puts the hot-path classes on the bootstrap class path
 * (so woven code in any class loader can call them), then starts the agent. Nothing it does may stop
 * the application from starting.
 */
public final class PerfAgent {
  private PerfAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst);
  }

  public static void main(String[] args) {
    System.out.println(
        "perf-agent: start your application with -javaagent:perf-agent.jar=config=/path/perf-agent.yaml");
  }

  private static void start(String args, Instrumentation inst) {
    try {
      BootstrapInjector.inject(inst);
      // Loaded only now, so that the classes it links against resolve to the bootstrap copies.
      Class.forName("dev.perfagent.agent.AgentStarter")
          .getMethod("start", String.class, Instrumentation.class)
          .invoke(null, args, inst);
    } catch (Throwable t) {
      System.err.println("perf-agent: disabled, could not start: " + t);
    }
  }
}
