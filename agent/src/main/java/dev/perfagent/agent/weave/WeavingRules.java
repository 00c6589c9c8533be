package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The rules of one catalog: which classes are never looked at, which may be ({@link
 * CandidateClasses}), and the advice the pointcuts give a class's methods. The pointcuts that name
 * their class exactly are looked up by that name: a class being loaded costs one map lookup, not one
 * matcher per pointcut (thousands of generated pointcuts stay cheap).
 */
final class WeavingRules {
  final CandidateClasses candidates;
  final WeaveFailures failures;
  private final SiteRegistry sites;
  private final PathCheck paths;
  private final Set<String> wovenJdk;
  private final List<PointcutRule> byPattern = new ArrayList<>();
  private final Map<String, List<PointcutRule>> byClass = new HashMap<>();

  WeavingRules(
      PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, SupertypeNames supertypes,
      PathCheck paths, Logger log) {
    this.candidates = CandidateClasses.of(catalog, supertypes);
    this.failures = new WeaveFailures(catalog.pointcuts(), log);
    this.sites = sites;
    this.paths = paths;
    this.wovenJdk = Weaver.wovenJdkClasses(List.of(catalog));
    for (CompiledPointcut pointcut : catalog.pointcuts()) {
      Optional<String> refused = JdkClasses.refusal(pointcut.config());
      if (refused.isPresent()) {
        log.warn("perf-agent: {}", refused.get());
        continue;
      }
      Optional<String> exactName = CandidateClasses.exactClassName(pointcut.config());
      if (exactName.isPresent()) {
        byClass.computeIfAbsent(exactName.get(), c -> new ArrayList<>()).add(new PointcutRule(pointcut, failures, null));
      } else {
        byPattern.add(new PointcutRule(pointcut, failures,
            new ClassLimit(pointcut.config().name(), classesPerPointcut, log)));
      }
    }
  }

  /**
   * Whether no rule ever weaves the class, whatever it is: the agent's own, an application's Byte
   * Buddy, the JDK's but those a pointcut names, another agent's ({@link OtherAgentNames}).
   */
  boolean ignores(String binaryName, ClassLoader loader) {
    return !wovenJdk.contains(binaryName) && CandidateClasses.neverWoven(binaryName, loader);
  }

  /**
   * The advice for each method of {@code type} (its class loader's classes described by {@code
   * types}) a pointcut weaves (by name and descriptor), each
   * method's in the order the pointcuts wrap it: the first outermost, those naming the class exactly
   * last.
   */
  Map<String, List<MethodAdvice>> advice(ClassFacts type, TypeFacts types) {
    Map<String, List<MethodAdvice>> woven = new LinkedHashMap<>();
    for (PointcutRule rule : byPattern) {
      rule.addAdvice(type, types, sites, paths, woven);
    }
    for (PointcutRule rule : byClass.getOrDefault(type.name(), List.of())) {
      rule.addAdvice(type, types, sites, paths, woven);
    }
    return woven;
  }
}
