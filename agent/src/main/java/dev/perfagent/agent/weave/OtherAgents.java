package dev.perfagent.agent.weave;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * The classes of the other Java agents perf-agent is known to run beside (the OpenTelemetry Java
 * agent, the Elastic APM agent), which it never weaves: their own packages, wherever loaded (their
 * bootstrap classes, the interfaces they define at run time), and everything their own class loaders
 * define (the libraries they carry, shaded or not: Byte Buddy, the OpenTelemetry SDK, Log4j, ...).
 *
 * <p>No pointcut aims at them, but deciding that costs: started second, perf-agent would otherwise
 * describe and match each of the 3,000-odd classes such an agent has loaded before it, seconds of
 * start-up, and (before {@link LoadedTypeFallback}) fail on many. Which classes are theirs: {@link
 * OtherAgentNames}.
 */
final class OtherAgents implements AgentBuilder.RawMatcher {
  static final OtherAgents INSTANCE = new OtherAgents();

  private OtherAgents() {}

  @Override
  public boolean matches(
      TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return OtherAgentNames.isAgentName(type.getName()) || OtherAgentNames.isAgentLoader(loader);
  }
}
