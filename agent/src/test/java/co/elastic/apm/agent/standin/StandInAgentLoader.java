package co.elastic.apm.agent.standin;

/**
 * Stands in for another agent's class loader in {@code BesideOtherAgentsTest}: what matters is the
 * package of its class, {@code co.elastic.apm.agent}, as with the Elastic agent's own loaders.
 */
public class StandInAgentLoader extends ClassLoader {
  public StandInAgentLoader(ClassLoader parent) {
    super(parent);
  }
}
