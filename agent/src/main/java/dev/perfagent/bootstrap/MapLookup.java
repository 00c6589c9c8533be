package dev.perfagent.bootstrap;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads one key of a map for a capture path without changing the map: the JDK's own maps are read
 * directly, except that a {@link LinkedHashMap} (which may be in access order, where {@code get}
 * moves the entry) and an unmodifiable view are searched entry by entry; a sorted map only when it
 * has no comparator of the application's; any other map's {@code get} only when the
 * {@link GetterCheck} allows it.
 */
final class MapLookup {
  private static final Set<Class<?>> READ_BY_GET =
      Set.of(
          HashMap.class, Hashtable.class, Properties.class, IdentityHashMap.class,
          ConcurrentHashMap.class, Map.of().getClass(), Map.of("k", "v").getClass(),
          Collections.emptyMap().getClass(), Collections.singletonMap("k", "v").getClass());
  private static final Set<Class<?>> READ_BY_SEARCH =
      Set.of(LinkedHashMap.class, Collections.unmodifiableMap(new HashMap<>()).getClass());
  private static final ClassValue<Boolean> GET_ALLOWED =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            Method get = type.getMethod("get", Object.class);
            return Accessors.check().refusal(type, get) == null;
          } catch (NoSuchMethodException | RuntimeException e) {
            return false;
          }
        }
      };

  private MapLookup() {}

  static Object get(Map<?, ?> map, String key) {
    Class<?> type = map.getClass();
    if (READ_BY_SEARCH.contains(type)) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (key.equals(entry.getKey())) {
          return entry.getValue();
        }
      }
      return null;
    }
    if (READ_BY_GET.contains(type) || isNaturallySorted(map) || GET_ALLOWED.get(type)) {
      return map.get(key);
    }
    return null;
  }

  private static boolean isNaturallySorted(Map<?, ?> map) {
    Class<?> type = map.getClass();
    return (type == TreeMap.class || type == ConcurrentSkipListMap.class)
        && ((SortedMap<?, ?>) map).comparator() == null;
  }
}
