package dev.perfagent.agent.plan;

import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers call sites: one woven method of one pointcut. The site id is the constant woven into the
 * method, so a recorded span knows its pointcut, class and method. Sites are added while classes
 * load; each addition publishes a new recorder table.
 */
public final class SiteRegistry {
  private final RecorderState generation;
  private final Map<String, Integer> idsByKey = new HashMap<>();
  private final List<Site> sites = new ArrayList<>();
  private final List<PointcutPlan> plans = new ArrayList<>();
  private volatile Site[] snapshot = new Site[0];

  /** Sites are published into {@code generation} (a recorder state without sites yet). */
  public SiteRegistry(RecorderState generation) {
    this.generation = generation;
  }

  /**
   * Returns the id of the site, registering it (and publishing it to the recorder) if new. A site is
   * keyed by pointcut name, class and method, so the same method of the same pointcut keeps its id.
   * {@code end} is one of {@code PointcutPlan.END_*}: when the spans of this site end.
   */
  public synchronized int register(
      CompiledPointcut pointcut, String className, String methodName, String descriptor,
      int end) {
    String key = pointcut.config().name() + "|" + className + "|" + methodName + descriptor;
    Integer existing = idsByKey.get(key);
    if (existing != null) {
      return existing;
    }
    int id = sites.size();
    sites.add(new Site(id, pointcut, className, methodName));
    plans.add(pointcut.plan(end));
    idsByKey.put(key, id);
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
