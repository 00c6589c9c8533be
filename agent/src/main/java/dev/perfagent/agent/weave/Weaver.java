package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.Recorder;
import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;

/**
 * Installs the class-file transformer that weaves the catalog's advice into exactly the methods it
 * matches, in classes loaded later and (by retransformation) in classes already loaded. Every other
 * class is left byte-for-byte unchanged. The returned transformer can be reset to unweave.
 */
public final class Weaver {
  private final LongAdder wovenTypes = new LongAdder();
  private volatile WeaveFailures failures;

  /**
   * @param propagation also weave the JDK's executors so that work submitted inside a span runs as
   *     its child
   */
  public ResettableClassFileTransformer install(
      Instrumentation inst, PointcutCatalog catalog, SiteRegistry sites, boolean propagation, Logger log) {
    AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loaded =
        new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(
            loadedCandidates(inst, catalog, propagation));
    return builder(catalog, sites, propagation, log, loaded)
        .assureReadEdgeTo(inst, Recorder.class)
        .installOn(inst);
  }

  /**
   * The already-loaded classes worth retransforming: filtered by name before Byte Buddy looks at
   * them, since describing every loaded JDK class is most of the cost of starting the agent.
   */
  private static Set<Class<?>> loadedCandidates(
      Instrumentation inst, PointcutCatalog catalog, boolean propagation) {
    boolean jdk = targetsJdk(catalog);
    Set<String> executors = propagation ? ExecutorPropagation.classNames() : Set.of();
    Set<Class<?>> candidates = new HashSet<>();
    // loaded now, so that none of them is loaded (by the exporter thread starting the SDK) between
    // the snapshot below and the transformer's registration, which would leave it unwoven
    for (String name : executors) {
      try {
        candidates.add(Class.forName(name, false, null));
      } catch (ClassNotFoundException e) {
        // not in this JDK (virtual threads before 21)
      }
    }
    for (Class<?> c : inst.getAllLoadedClasses()) {
      String name = c.getName();
      if (!c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c)
          && !name.startsWith("dev.perfagent.") && !OtherAgents.owns(c)
          && (jdk || !PointcutMatchers.isJdkName(name) || executors.contains(name))) {
        candidates.add(c);
      }
    }
    return candidates;
  }

  private static boolean targetsJdk(PointcutCatalog catalog) {
    return catalog.pointcuts().stream().anyMatch(p -> PointcutMatchers.mayTargetJdk(p.config()));
  }

  /** The weaving rules, without installing them (tests run the raw transformer on class bytes). */
  AgentBuilder builder(
      PointcutCatalog catalog, SiteRegistry sites, boolean propagation, Logger log,
      AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loadedClasses) {
    WeaveFailures failures =
        new WeaveFailures(catalog.pointcuts(), propagation ? ExecutorPropagation.classNames() : Set.of(), log);
    this.failures = failures;
    AgentBuilder agent =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(loadedClasses)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
            .with(LoadedTypeFallback.INSTANCE)
            .with(new Listener(log, failures))
            .ignore(ignoredTypes(catalog, propagation))
            .or(OtherAgents.INSTANCE);
    if (propagation) {
      agent = ExecutorPropagation.install(agent);
    }
    for (CompiledPointcut pointcut : catalog.pointcuts()) {
      ElementMatcher.Junction<MethodDescription> methods = PointcutMatchers.methods(pointcut.config());
      agent =
          agent
              .type(failures.guard(pointcut, PointcutMatchers.types(pointcut.config()).and(declaresMethod(methods))))
              .transform(AdviceBinding.transformer(pointcut, sites, methods));
    }
    return agent;
  }

  public long wovenTypes() {
    return wovenTypes.sum();
  }

  public long failedTypes() {
    WeaveFailures f = failures;
    return f == null ? 0 : f.failedTypes();
  }

  /**
   * The agent's own classes, and the JDK's unless a pointcut names JDK classes (the executors woven
   * for propagation excepted).
   */
  private static ElementMatcher.Junction<TypeDescription> ignoredTypes(
      PointcutCatalog catalog, boolean propagation) {
    ElementMatcher.Junction<TypeDescription> ignored =
        nameStartsWith("dev.perfagent.").or(nameStartsWith("net.bytebuddy.")).or(isSynthetic());
    if (!targetsJdk(catalog)) {
      ElementMatcher.Junction<TypeDescription> jdk = PointcutMatchers.jdkTypes();
      if (propagation) {
        jdk = jdk.and(not(namedOneOf(ExecutorPropagation.classNames().toArray(new String[0]))));
      }
      ignored = ignored.or(jdk);
    }
    return ignored;
  }

  /**
   * Logs what was woven (debug); what could not be is reported by {@link WeaveFailures}, once per
   * class: a warning when a pointcut targets it, else debug.
   */
  private final class Listener extends AgentBuilder.Listener.Adapter {
    private final Logger log;
    private final WeaveFailures failures;

    Listener(Logger log, WeaveFailures failures) {
      this.log = log;
      this.failures = failures;
    }

    @Override
    public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
      failures.begin(typeName);
    }

    @Override
    public void onTransformation(
        TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
        DynamicType dynamicType) {
      wovenTypes.increment();
      log.debug("perf-agent: woven {}", type.getName());
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      failures.error(typeName, error);
    }

    @Override
    public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
      failures.end(typeName);
    }
  }
}
