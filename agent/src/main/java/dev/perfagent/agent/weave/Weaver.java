package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.config.Pointcut;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;

/**
 * Builds the class-file transformer that weaves the catalog's advice into exactly the methods it
 * matches, in classes loaded later and (by retransformation) in classes already loaded; {@link
 * Weaving} registers it and builds it only once there is something to weave. Every other
 * class is left byte-for-byte unchanged. When the configuration changes, {@link #patch} swaps the
 * rules of the installed transformer and retransforms the classes whose weaving changes: no class is
 * ever woven by both, or by neither, and a class no pointcut matches any more gets its original
 * bytecode back.
 */
final class Weaver {
  /** Classes retransformed in one step of a change: the application pauses per step, not for all. */
  private static final int CLASSES_PER_STEP = 50;

  private final LongAdder wovenTypes = new LongAdder();
  private final LongAdder retransformed = new LongAdder();
  private final PathCheck paths;
  /** Kept across config changes: the class files it has read do not change. */
  private final SupertypeNames supertypes;
  private volatile WeaveFailures failures;
  /** What {@link #build} made, whose rules {@link #patch} replaces. */
  private ResettableClassFileTransformer installed;

  /** One per agent: what it has reported about capture paths is not said again after a change. */
  Weaver(Logger log) {
    this(log, new SupertypeNames());
  }

  Weaver(Logger log, SupertypeNames supertypes) {
    this.paths = new PathCheck(log);
    this.supertypes = supertypes;
  }

  /**
   * Builds the transformer that weaves {@code catalog}, without registering it nor retransforming
   * anything: {@link Weaving} hands it the classes, and {@link #patch} (with the same catalog)
   * weaves those already loaded.
   */
  ClassFileTransformer build(
      Instrumentation inst, PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log) {
    // AgentBuilder.Default's raw transformer is resettable; decorators apply only when it installs itself
    ResettableClassFileTransformer raw = (ResettableClassFileTransformer)
        rules(catalog, sites, classesPerPointcut, log,
                AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE,
                AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE)
            .assureReadEdgeTo(inst, Recorder.class)
            .makeRaw();
    installed = AgentBuilder.TransformerDecorator.ForSubstitution.INSTANCE.decorate(
        candidateFilter(catalog).decorate(raw));
    return installed;
  }

  /**
   * Replaces the rules of the transformer {@link #build} made (built from {@code running}) with those
   * of {@code next}, then retransforms, in steps, the loaded classes that either catalog weaves. Runs
   * on the calling thread; returns how many classes were retransformed.
   */
  long patch(
      Instrumentation inst, PointcutCatalog running, PointcutCatalog next, SiteRegistry sites,
      int classesPerPointcut, Logger log) {
    long before = retransformed.sum();
    AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loaded =
        new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loadedCandidates(inst, List.of(running, next)));
    builder(next, sites, classesPerPointcut, log, loaded,
            AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(CLASSES_PER_STEP))
        .assureReadEdgeTo(inst, Recorder.class)
        .patchOn(inst, installed, AgentBuilder.PatchMode.SUBSTITUTE);
    return retransformed.sum() - before;
  }

  /**
   * The already-loaded classes worth retransforming: filtered by name before Byte Buddy looks at
   * them, since describing every loaded JDK class is most of the cost of starting the agent.
   */
  private static Set<Class<?>> loadedCandidates(Instrumentation inst, List<PointcutCatalog> catalogs) {
    Set<String> jdk = wovenJdkClasses(catalogs);
    Set<Class<?>> candidates = new HashSet<>();
    // loaded now, so that none of them is loaded (by the exporter thread starting the SDK) between
    // the snapshot below and the transformer's registration, which would leave it unwoven
    for (String name : jdk) {
      try {
        candidates.add(Class.forName(name, false, null));
      } catch (ClassNotFoundException e) {
        // not in this JDK (virtual threads before 21)
      }
    }
    for (Class<?> c : inst.getAllLoadedClasses()) {
      String name = c.getName();
      if (!c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c)
          && !name.startsWith("dev.perfagent.") && !OtherAgentNames.owns(c)
          && (!JdkClasses.isJdk(name) || jdk.contains(name))) {
        candidates.add(c);
      }
    }
    return candidates;
  }

  /** The JDK classes the catalogs' pointcuts name exactly and may weave. */
  private static Set<String> wovenJdkClasses(List<PointcutCatalog> catalogs) {
    Set<String> names = new HashSet<>();
    for (PointcutCatalog catalog : catalogs) {
      for (CompiledPointcut p : catalog.pointcuts()) {
        JdkClasses.named(p.config()).ifPresent(names::add);
      }
    }
    return names;
  }

  /** The weaving rules, without installing them (tests run the raw transformer on class bytes). */
  AgentBuilder builder(
      PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log,
      AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loadedClasses) {
    return builder(catalog, sites, classesPerPointcut, log, loadedClasses,
        AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE);
  }

  private AgentBuilder builder(
      PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log,
      AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loadedClasses,
      AgentBuilder.RedefinitionStrategy.BatchAllocator steps) {
    return rules(catalog, sites, classesPerPointcut, log, loadedClasses, steps).with(candidateFilter(catalog));
  }

  /** Passes over, before Byte Buddy looks at them, the classes no rule of {@code catalog} can weave. */
  private AgentBuilder.TransformerDecorator candidateFilter(PointcutCatalog catalog) {
    return CandidateFilter.decorator(CandidateClasses.of(catalog, supertypes), retransformed);
  }

  /** The weaving rules of {@code catalog}, without the candidate filter. */
  private AgentBuilder rules(
      PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log,
      AgentBuilder.RedefinitionStrategy.DiscoveryStrategy loadedClasses,
      AgentBuilder.RedefinitionStrategy.BatchAllocator steps) {
    WeaveFailures failures = new WeaveFailures(catalog.pointcuts(), log);
    this.failures = failures;
    // Declared methods only: advice changes the methods a class declares and nothing else, while
    // Byte Buddy's default method graph reads and merges every supertype's methods for each class
    // woven (a sixth of the time a transformation took in the test-app).
    AgentBuilder agent =
        new AgentBuilder.Default(
            new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(steps)
            .with(loadedClasses)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
            .with(LoadedTypeFallback.INSTANCE)
            .with(new Listener(log, failures))
            .ignore(ignoredTypes(catalog))
            .or(OtherAgents.INSTANCE);
    ExactClassRules exact = new ExactClassRules();
    for (CompiledPointcut pointcut : catalog.pointcuts()) {
      Optional<String> refused = JdkClasses.refusal(pointcut.config());
      if (refused.isPresent()) {
        log.warn("perf-agent: {}", refused.get());
        continue;
      }
      PointcutTargets targets = new PointcutTargets(pointcut.config());
      ElementMatcher.Junction<MethodDescription> methods = targets.methodMatcher();
      ElementMatcher.Junction<TypeDescription> types = failures.guard(pointcut, targets.typeMatcher());
      AgentBuilder.Transformer advice = checkingPaths(
          pointcut, methods, AdviceBinding.transformer(pointcut, sites, methods), paths);
      Optional<String> exactName = CandidateClasses.exactClassName(pointcut.config());
      if (exactName.isPresent()) {
        exact.add(exactName.get(), types, advice);
      } else {
        agent =
            agent
                .type(types.and(new ClassLimit(pointcut.config().name(), classesPerPointcut, log)))
                .transform(advice);
      }
    }
    return exact.isEmpty() ? agent : exact.install(agent);
  }

  /** {@code advice}, after reporting the paths of {@code pointcut} that can never resolve on a matched method. */
  private static AgentBuilder.Transformer checkingPaths(
      CompiledPointcut pointcut, ElementMatcher<MethodDescription> methods, AgentBuilder.Transformer advice,
      PathCheck paths) {
    return (builder, type, loader, module, domain) -> {
      try {
        for (MethodDescription method : type.getDeclaredMethods().filter(methods)) {
          paths.check(pointcut.config(), method);
        }
      } catch (RuntimeException e) {
        // a type the check cannot describe: the advice is still applied
      }
      return advice.transform(builder, type, loader, module, domain);
    };
  }

  public long wovenTypes() {
    return wovenTypes.sum();
  }

  public long failedTypes() {
    WeaveFailures f = failures;
    return f == null ? 0 : f.failedTypes();
  }

  /** The agent's own classes, and the JDK's but for the few a pointcut names (see {@link JdkClasses}). */
  private static ElementMatcher.Junction<TypeDescription> ignoredTypes(PointcutCatalog catalog) {
    Set<String> woven = wovenJdkClasses(List.of(catalog));
    return ownOrSynthetic().or(PointcutMatchers.jdk().and(not(namedOneOf(woven.toArray(new String[0])))));
  }

  /** The agent's own classes, the application's Byte Buddy and synthetic classes. */
  static ElementMatcher.Junction<TypeDescription> ownOrSynthetic() {
    return nameStartsWith("dev.perfagent.").or(nameStartsWith(CandidateClasses.BYTE_BUDDY)).or(isSynthetic());
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
      if (loaded) {
        retransformed.increment();
      }
    }
  }
}
