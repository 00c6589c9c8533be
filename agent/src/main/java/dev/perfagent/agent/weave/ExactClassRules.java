package dev.perfagent.agent.weave;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The pointcuts that name their class exactly, looked up by class name: one weaving rule for all of
 * them, so that a class being loaded costs one map lookup, not one matcher per pointcut (thousands of
 * generated pointcuts stay cheap). Each pointcut's own matcher (subtype, annotations, a declared
 * matching method) still decides for the one class it names.
 */
final class ExactClassRules {
  private final Map<String, List<Rule>> byClass = new HashMap<>();

  void add(String className, ElementMatcher<TypeDescription> matcher, AgentBuilder.Transformer transformer) {
    byClass.computeIfAbsent(className, c -> new ArrayList<>()).add(new Rule(matcher, transformer));
  }

  /** The classes the rules name. */
  Set<String> classNames() {
    return byClass.keySet();
  }

  boolean isEmpty() {
    return byClass.isEmpty();
  }

  AgentBuilder install(AgentBuilder agent) {
    return agent.type(this::matches).transform(this::transform);
  }

  private boolean matches(TypeDescription type) {
    List<Rule> rules = byClass.get(type.getName());
    if (rules == null) {
      return false;
    }
    for (Rule rule : rules) {
      if (rule.matcher.matches(type)) {
        return true;
      }
    }
    return false;
  }

  private DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader, JavaModule module,
      ProtectionDomain domain) {
    DynamicType.Builder<?> result = builder;
    for (Rule rule : byClass.get(type.getName())) {
      if (rule.matcher.matches(type)) {
        result = rule.transformer.transform(result, type, loader, module, domain);
      }
    }
    return result;
  }

  private static final class Rule {
    final ElementMatcher<TypeDescription> matcher;
    final AgentBuilder.Transformer transformer;

    Rule(ElementMatcher<TypeDescription> matcher, AgentBuilder.Transformer transformer) {
      this.matcher = matcher;
      this.transformer = transformer;
    }
  }
}
