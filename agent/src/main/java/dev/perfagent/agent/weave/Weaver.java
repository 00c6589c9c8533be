package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.Recorder;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * The class-file transformer that weaves the catalog's advice into exactly the methods it matches,
 * in classes loaded later and (by retransformation) in classes already loaded; {@link Weaving}
 * registers it and builds it only once there is something to weave. A class being loaded is first
 * checked from its bytes ({@link CandidateClasses}); a candidate is described from its class file
 * ({@link ClassFacts}, the classes it refers to by {@link TypeFacts}) and matched against the rules
 * ({@link WeavingRules}), and the advice is written with ASM ({@link ClassRewrite}). Every other
 * class is left byte-for-byte unchanged. When the configuration changes, {@link #patch} swaps the
 * rules and retransforms the classes whose weaving changes: no class is ever woven by both, or by
 * neither, and a class no pointcut matches any more gets its original bytecode back.
 */
final class Weaver {
  /** Classes retransformed in one step of a change: the application pauses per step, not for all. */
  private static final int CLASSES_PER_STEP = 50;

  private final LongAdder wovenTypes = new LongAdder();
  private final PathCheck paths;
  /** Kept across config changes: the class files it has read do not change. */
  private final SupertypeNames supertypes;
  /** Per class loader, the classes it sees, described; the boot loader's apart (no null keys). */
  private final Map<ClassLoader, TypeFacts> typesByLoader = Collections.synchronizedMap(new WeakHashMap<>());
  private final TypeFacts bootTypes;
  private final Logger log;
  /** Those of the catalog in force; replaced whole by {@link #patch}. */
  private volatile WeavingRules rules;

  /** One per agent: what it has reported about capture paths is not said again after a change. */
  Weaver(Logger log) {
    this(log, new SupertypeNames());
  }

  Weaver(Logger log, SupertypeNames supertypes) {
    this.paths = new PathCheck(log);
    this.supertypes = supertypes;
    this.bootTypes = TypeFacts.of(null, supertypes);
    this.log = log;
  }

  /**
   * The transformer that weaves {@code catalog}, not registered, nothing retransformed: {@link
   * Weaving} hands it the classes, and {@link #patch} (with the same catalog) weaves those already
   * loaded.
   */
  ClassFileTransformer build(
      Instrumentation inst, PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log) {
    rules = new WeavingRules(catalog, sites, classesPerPointcut, supertypes, paths, log);
    // loads the classes the check uses now, not while it runs inside a class load
    rules.candidates.warmUp();
    return new Transformer(inst);
  }

  /** As {@link #build}, without instrumentation (no module gets a read edge): for running it on class bytes. */
  ClassFileTransformer transformer(PointcutCatalog catalog, SiteRegistry sites, int classesPerPointcut, Logger log) {
    return build(null, catalog, sites, classesPerPointcut, log);
  }

  /**
   * Replaces the rules of the transformer {@link #build} made (built from {@code running}) with those
   * of {@code next}, then retransforms, in steps, the loaded classes that either catalog may weave.
   * Runs on the calling thread; returns how many classes were retransformed.
   */
  long patch(
      Instrumentation inst, PointcutCatalog running, PointcutCatalog next, SiteRegistry sites,
      int classesPerPointcut, Logger log) {
    rules = new WeavingRules(next, sites, classesPerPointcut, supertypes, paths, log);
    // the classes either catalog may weave, judged from their names and supertypes' names: those
    // woven before are given back their class file, those woven now get the advice
    CandidateClasses after = rules.candidates;
    CandidateClasses before = running == next ? after : CandidateClasses.of(running, supertypes);
    long retransformed = 0;
    List<Class<?>> step = new ArrayList<>(CLASSES_PER_STEP);
    for (Class<?> type : loadedCandidates(inst, List.of(running, next))) {
      if (before.mayWeaveLoaded(type) || after.mayWeaveLoaded(type)) {
        step.add(type);
      }
      if (step.size() == CLASSES_PER_STEP) {
        retransformed += retransform(inst, step);
        step.clear();
      }
    }
    return retransformed + retransform(inst, step);
  }

  /**
   * Retransforms {@code classes}; if that fails, each on its own, so that one class fails alone.
   * Returns how many were retransformed.
   */
  private long retransform(Instrumentation inst, List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return 0;
    }
    try {
      inst.retransformClasses(classes.toArray(new Class<?>[0]));
      return classes.size();
    } catch (Throwable stepFailed) {
      long retransformed = 0;
      for (Class<?> type : classes) {
        try {
          inst.retransformClasses(type);
          retransformed++;
        } catch (Throwable t) {
          log.debug("perf-agent: could not retransform {}: {}", type.getName(), t.toString());
        }
      }
      return retransformed;
    }
  }

  /**
   * The already-loaded classes worth retransforming: filtered by name before they are described,
   * since describing every loaded JDK class would be most of the cost of starting the agent.
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
  static Set<String> wovenJdkClasses(List<PointcutCatalog> catalogs) {
    Set<String> names = new HashSet<>();
    for (PointcutCatalog catalog : catalogs) {
      for (CompiledPointcut p : catalog.pointcuts()) {
        JdkClasses.named(p.config()).ifPresent(names::add);
      }
    }
    return names;
  }

  public long wovenTypes() {
    return wovenTypes.sum();
  }

  public long failedTypes() {
    WeavingRules r = rules;
    return r == null ? 0 : r.failures.failedTypes();
  }

  /** The classes {@code loader} sees, as the rules describe them. */
  private TypeFacts types(ClassLoader loader) {
    return loader == null ? bootTypes : typesByLoader.computeIfAbsent(loader, l -> TypeFacts.of(l, supertypes));
  }

  /** The class of {@code classFile}; a class being retransformed whose bytes cannot be read, from its {@code Class}. */
  private static ClassFacts describe(Class<?> redefined, byte[] classFile) {
    try {
      return ClassFacts.read(classFile);
    } catch (RuntimeException e) {
      if (redefined == null) {
        throw e;
      }
      return ClassFacts.of(redefined);
    }
  }

  private final class Transformer implements ClassFileTransformer {
    /** Null when running on class bytes alone. */
    private final Instrumentation inst;

    Transformer(Instrumentation inst) {
      this.inst = inst;
    }

    @Override
    public byte[] transform(
        Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
        byte[] classFile) {
      try {
        return weave(rules, module, loader, name, redefined, classFile);
      } catch (Throwable t) {
        return null; // the rules' failures are reported in weave; nothing escapes into the class load
      }
    }

    @Override
    public byte[] transform(
        ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
      return transform(null, loader, name, redefined, domain, classFile);
    }

    private byte[] weave(
        WeavingRules rules, Module module, ClassLoader loader, String name, Class<?> redefined, byte[] classFile) {
      if (name == null || classFile == null || !rules.candidates.mayWeave(loader, name, classFile)) {
        return null;
      }
      String binaryName = name.replace('/', '.');
      if (rules.ignores(binaryName, loader)) {
        return null;
      }
      rules.failures.begin(binaryName);
      try {
        ClassFacts type = describe(redefined, classFile);
        if (type.isSynthetic()) {
          return null;
        }
        TypeFacts types = types(loader);
        types.remember(type);
        Map<String, List<MethodAdvice>> advice = rules.advice(type, types);
        if (advice.isEmpty()) {
          return null;
        }
        byte[] woven = ClassRewrite.of(classFile, advice, method -> log.warn(
            "perf-agent: {}.{} is not woven: with the advice its code would pass the JVM's limit of 64 KB per"
                + " method", binaryName, method));
        readRecorder(module);
        wovenTypes.increment();
        log.debug("perf-agent: woven {}", binaryName);
        return woven;
      } catch (Throwable t) {
        rules.failures.error(binaryName, t);
        return null;
      } finally {
        rules.failures.end(binaryName);
      }
    }

    /** A named module whose code calls the recorder must read the module it is in. */
    private void readRecorder(Module module) {
      Module recorder = Recorder.class.getModule();
      if (inst != null && module != null && module.isNamed() && !module.canRead(recorder)) {
        inst.redefineModule(module, Set.of(recorder), Map.of(), Map.of(), Set.of(), Map.of());
      }
    }
  }
}
