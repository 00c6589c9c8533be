package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.AgentThreads;
import dev.perfagent.config.Pointcut;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The agent's class-file transformer, registered at start; the {@link Weaver} behind it is built
 * only once there is something to weave. Building it and weaving the first class load some 390
 * classes of Byte Buddy's type pool and of ASM, which an application that loads no class a pointcut
 * may weave (no LLM library, the presets on) would pay for nothing.
 *
 * <p>Until then each class being loaded is checked from its class-file bytes ({@link
 * CandidateClasses}, no Byte Buddy), and the classes loaded before the start from their {@code
 * Class} objects ({@link CandidateClasses#mayWeaveLoaded}). The first candidate being loaded builds
 * the weaver on its thread, once, and is handed to it: it is woven in that same load. Other threads
 * loading a candidate meanwhile wait for the build; the classes the build itself loads, on its
 * thread, are passed over. A candidate already loaded (at start, or after a config change) builds
 * the weaver at once, which then retransforms the loaded classes it weaves. From then on every class
 * goes to the weaver. The JDK executors are woven for context propagation ({@link
 * PropagationWeaving}) at the same moment: before anything is woven no span can be open, so no
 * context can need carrying.
 */
public final class Weaving implements ClassFileTransformer {
  private static final long WAIT_SECONDS = 60;

  /**
   * How long a thread loading a candidate waits for the weaver another thread is building before it
   * lets the class load unwoven (and the build waits for the executors' weaving): the agent never
   * hangs the application.
   */
  private final long waitSeconds;

  private final Instrumentation inst;
  /** What the weaver weaves, asked for when it is built; until then only what the pointcuts target is known. */
  private final Supplier<Input> input;
  private final boolean propagation;
  private final int classesPerPointcut;
  private final Logger log;
  private final SupertypeNames supertypes = new SupertypeNames();
  /** Held while the weaver is built and while a config change is applied. */
  private final ReentrantLock lock = new ReentrantLock();
  /** Set when the weaver is built: the call sites its advice records into. */
  private volatile SiteRegistry sites;
  /** Until the weaver is built: whether a class being loaded is a reason to build it. */
  private volatile CandidateClasses candidates;
  /** The thread building the weaver: the classes it loads meanwhile are passed over. */
  private volatile Thread building;
  /** Built, set once; null before, and if the build failed. */
  private volatile Weaver weaver;
  private volatile ClassFileTransformer woven;
  private volatile boolean failed;

  /** The pointcuts compiled and the call sites their advice records into. */
  public static final class Input {
    final PointcutCatalog catalog;
    final SiteRegistry sites;

    public Input(PointcutCatalog catalog, SiteRegistry sites) {
      this.catalog = catalog;
      this.sites = sites;
    }
  }

  private Weaving(
      Instrumentation inst, List<Pointcut> targets, Supplier<Input> input, boolean propagation,
      int classesPerPointcut, Logger log, long waitSeconds) {
    this.waitSeconds = waitSeconds;
    this.inst = inst;
    this.input = input;
    this.propagation = propagation;
    this.classesPerPointcut = classesPerPointcut;
    this.log = log;
    this.candidates = CandidateClasses.of(targets, supertypes);
  }

  /**
   * Registers the transformer, then builds the weaver at once if a class already loaded may be
   * woven (registered first, so that no class loads unchecked between the two).
   *
   * @param targets what the pointcuts in force weave (their class, supertype, annotations and
   *     methods): until the weaver is built, the classes being loaded are checked against these
   * @param input the compiled pointcuts of {@code targets} and their call sites, asked for once, when
   *     the weaver is built (on the thread loading the first class to weave, inside that load)
   * @param propagation also weave the JDK's executors, once the weaver is built
   */
  public static Weaving start(
      Instrumentation inst, List<Pointcut> targets, Supplier<Input> input, boolean propagation,
      int classesPerPointcut, Logger log) {
    return start(inst, targets, input, propagation, classesPerPointcut, log, WAIT_SECONDS);
  }

  /** As above, waiting at most {@code waitSeconds} for a weaver another thread builds. */
  static Weaving start(
      Instrumentation inst, List<Pointcut> targets, Supplier<Input> input, boolean propagation,
      int classesPerPointcut, Logger log, long waitSeconds) {
    Weaving weaving = new Weaving(inst, targets, input, propagation, classesPerPointcut, log, waitSeconds);
    weaving.candidates.warmUp();
    inst.addTransformer(weaving, true);
    weaving.lock.lock();
    try {
      if (weaving.buildIfLoaded() < 0) {
        log.debug("perf-agent: no class loaded yet is one a pointcut may weave; the weaver is built when"
            + " the first such class loads");
      }
    } finally {
      weaving.lock.unlock();
    }
    return weaving;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
      byte[] classFile) throws IllegalClassFormatException {
    ClassFileTransformer to = woven;
    if (to == null) {
      if (failed || building == Thread.currentThread()
          || !candidates.mayStartWeaving(loader, className, classFile)) {
        return null;
      }
      to = buildOnLoading(className);
      if (to == null) {
        return null;
      }
    }
    return to.transform(module, loader, className, redefined, domain, classFile);
  }

  /** Whether building the weaver failed: nothing is woven, and config changes are not applied. */
  public boolean failed() {
    return failed;
  }

  /**
   * Changes the pointcuts in force from {@code running} to {@code next} (whose call sites the input
   * gives from now on): the built weaver's rules are replaced and the loaded classes either weaves
   * are retransformed; before it is built, see {@link #retarget}. Returns how many classes were
   * retransformed.
   */
  public long patch(PointcutCatalog running, PointcutCatalog next) {
    lock.lock();
    try {
      if (weaver != null) {
        return weaver.patch(inst, running, next, sites, classesPerPointcut, log);
      }
      return checkLoadingWith(CandidateClasses.of(next, supertypes));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Before the weaver is built: the classes being loaded are checked against {@code targets} from
   * now on, and a class already loaded that they may weave builds it now (the input then gives
   * their compiled pointcuts). Returns false, changing nothing, once the weaver is built: {@link
   * #patch} changes its rules.
   */
  public boolean retarget(List<Pointcut> targets) {
    lock.lock();
    try {
      if (weaver != null || failed) {
        return false;
      }
      checkLoadingWith(CandidateClasses.of(targets, supertypes));
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Before the weaver is built, holding the lock: {@code next} decides from now on which class being
   * loaded builds it, then the loaded classes are checked with it. Returns how many loaded classes
   * the weaver this builds retransformed (0 when none may be woven).
   */
  private long checkLoadingWith(CandidateClasses next) {
    // the new check first, then the loaded classes: a class loading between the two is checked by one of them
    candidates = next;
    return Math.max(0, buildIfLoaded());
  }

  /**
   * Builds the weaver, and weaves the loaded classes, if one of them may be woven. Holds the lock;
   * returns how many loaded classes were retransformed, or -1 when none may be woven.
   */
  private long buildIfLoaded() {
    for (Class<?> type : inst.getAllLoadedClasses()) {
      if (!type.isArray() && !type.isPrimitive() && candidates.mayWeaveLoaded(type) && inst.isModifiableClass(type)) {
        return build(type.getName() + " (already loaded)", true);
      }
    }
    return -1;
  }

  /** The weaver, built now by this thread or just before by another; null if that failed or took too long. */
  private ClassFileTransformer buildOnLoading(String className) {
    try {
      if (!lock.tryLock(waitSeconds, TimeUnit.SECONDS)) {
        log.warn("perf-agent: {} loaded unwoven: the weaver was still being built after {} s",
            className.replace('/', '.'), waitSeconds);
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    try {
      if (woven == null && !failed) {
        build(className.replace('/', '.'), false);
      }
      return woven;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Weaves the JDK executors ({@link PropagationWeaving}) on a thread of its own, and waits for it:
   * on this thread, inside a class load, the JVM calls no transformer again (the JDK's agent support
   * skips nested loads), so the executors would be retransformed unchanged.
   */
  private void weaveExecutors() {
    Thread executors = new Thread(() -> {
      AgentThreads.markCurrent();
      PropagationWeaving.install(inst, log);
    }, "perf-agent-propagation");
    executors.setDaemon(true);
    executors.start();
    try {
      executors.join(TimeUnit.SECONDS.toMillis(waitSeconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Builds the weaver of the input's catalog on this thread, because of {@code cause}, and with
   * {@code weaveLoaded} retransforms the loaded classes it weaves. Holds the lock; returns how many
   * loaded classes were retransformed.
   */
  private long build(String cause, boolean weaveLoaded) {
    long start = System.nanoTime();
    Weaver built = new Weaver(log, supertypes);
    building = Thread.currentThread();
    PointcutCatalog catalog;
    try {
      Input in = input.get();
      catalog = in.catalog;
      sites = in.sites;
      if (propagation) {
        weaveExecutors();
      }
      woven = built.build(inst, catalog, sites, classesPerPointcut, log);
      weaver = built;
    } catch (Throwable t) {
      failed = true;
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
      return 0;
    } finally {
      building = null;
    }
    long retransformed = 0;
    if (weaveLoaded) {
      try {
        retransformed = built.patch(inst, catalog, catalog, sites, classesPerPointcut, log);
      } catch (RuntimeException e) {
        log.error("perf-agent: could not weave the classes already loaded, only those loaded from now on: {}",
            e.toString());
      }
    }
    log.debug("perf-agent: weaver installed in {} ms, on loading {} ({} classes already loaded were woven, {} failed)",
        (System.nanoTime() - start) / 1_000_000, cause, built.wovenTypes(), built.failedTypes());
    return retransformed;
  }
}
