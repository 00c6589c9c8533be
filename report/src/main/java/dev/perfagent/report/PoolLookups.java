package dev.perfagent.report;

import java.util.List;
import java.util.Map;

/**
 * Tells a pool or cache lookup that missed from one that hit, from what the spans show:
 * <ul>
 *   <li>a boolean attribute whose key ends in {@code .hit} or {@code _hit} ({@code cache.hit},
 *       {@code pool.hit}, one you capture): false is a miss;
 *   <li>otherwise, a child that created what was looked up: a span of the same component (the same
 *       name up to the first {@code .}: {@code ClientManager.getClient} and
 *       {@code ClientManager.createClient}) whose method part says it makes something
 *       ({@code create}, {@code new}, {@code open}, {@code connect}, {@code load}, {@code init}).
 * </ul>
 * A span with neither is not a lookup as far as the report can tell.
 */
final class PoolLookups {
  private static final List<String> MAKING = List.of("create", "new", "open", "connect", "load", "init", "build");

  private PoolLookups() {}

  private static final Lookup HIT = new Lookup(false, null);

  /** The span's verdict: {@code null} when it is not a lookup, else hit, or miss and what was created. */
  static Lookup of(Span span, List<Span> children) {
    for (Map.Entry<String, Object> e : span.attributes.entrySet()) {
      if ((e.getKey().endsWith(".hit") || e.getKey().endsWith("_hit")) && e.getValue() instanceof Boolean) {
        return (Boolean) e.getValue() ? HIT : new Lookup(true, null);
      }
    }
    int prefix = componentLength(span.name);
    if (prefix < 0 || children.isEmpty()) {
      return prefix < 0 ? null : HIT;
    }
    for (Span c : children) {
      if (componentLength(c.name) == prefix && c.name.regionMatches(0, span.name, 0, prefix) && makes(c.name, prefix + 1)) {
        return new Lookup(true, c.name);
      }
    }
    return HIT;
  }

  /** The length of {@code ClientManager} in {@code ClientManager.getClient x}; -1 for a name without one. */
  private static int componentLength(String name) {
    int dot = name.indexOf('.');
    int space = name.indexOf(' ');
    return dot <= 0 || (space >= 0 && space < dot) ? -1 : dot;
  }

  private static boolean makes(String name, int methodStart) {
    for (String verb : MAKING) {
      if (name.regionMatches(true, methodStart, verb, 0, verb.length())) {
        return true;
      }
    }
    return false;
  }

  /** One lookup: a miss (and the child that created, when that is how it showed) or a hit. */
  static final class Lookup {
    final boolean miss;
    final String created;

    Lookup(boolean miss, String created) {
      this.miss = miss;
      this.created = created;
    }
  }
}
