package dev.perfagent.agent.plan;

import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers call sites: one woven method of one pointcut. The site id is the constant woven into the
 * method, so a recorded span knows its pointcut, class and method. Sites are added while classes
 * load; each addition publishes a new recorder table. Ids are never reused: when the configuration
 * changes at run time, a changed pointcut's methods get new sites, and calls still running in the
 * old code end under the old site's plan.
 */
public final class SiteRegistry {
  private final RecorderState generation;
  /** By compiled pointcut (an unchanged pointcut keeps its object across changes), by method. */
  private final Map<CompiledPointcut, Map<String, Integer>> ids = new IdentityHashMap<>();
  private final List<Site> sites = new ArrayList<>();
  private final List<PointcutPlan> plans = new ArrayList<>();
  private volatile Site[] snapshot = new Site[0];

  /** Sites are published into {@code generation} (a recorder state without sites yet). */
  public SiteRegistry(RecorderState generation) {
    this.generation = generation;
  }

  /**
   * Returns the id of the site, registering it (and publishing it to the recorder) if new. A site is
   * keyed by compiled pointcut, class and method, so the same method of the same pointcut keeps its
   * id, also when it is woven again after a change to other pointcuts.
   * {@code end} is one of {@code PointcutPlan.END_*}: when the spans of this site end.
   */
  public synchronized int register(
      CompiledPointcut pointcut, String className, String methodName, String descriptor,
      int end) {
    Map<String, Integer> byMethod = ids.computeIfAbsent(pointcut, p -> new HashMap<>());
    String key = className + "|" + methodName + descriptor;
    Integer existing = byMethod.get(key);
    if (existing != null) {
      return existing;
    }
    int id = sites.size();
    sites.add(new Site(id, pointcut, className, methodName));
    plans.add(pointcut.plan(end));
    byMethod.put(key, id);
    snapshot = sites.toArray(new Site[0]);
    Recorder.install(generation.withPlans(plans.toArray(new PointcutPlan[0])));
    return id;
  }

  /** The site with this id, or null. Safe from any thread. */
  public Site site(int id) {
    Site[] s = snapshot;
    return id >= 0 && id < s.length ? s[id] : null;
  }

  public int size() {
    return snapshot.length;
  }

  public SpanRing ring() {
    return generation.ring();
  }

  public RecorderState generation() {
    return generation;
  }
}
