package dev.perfagent.agent.export;

/** The agent's version, from the jar manifest. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
